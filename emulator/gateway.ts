import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { createDeflate, constants as zlibConstants } from "node:zlib";
import type {
  ApplicationFlags,
  GatewayReadyDispatchData,
  GatewayRequestGuildMembersData,
} from "discord-api-types/v10";
import { GatewayCloseCodes, GatewayDispatchEvents, GatewayOpcodes } from "discord-api-types/v10";
import { WebSocket, WebSocketServer } from "ws";
import { guildCreateJson, memberJson } from "./payloads.js";
import { shardOfGuild } from "./snowflake.js";
import type { EmulatorState } from "./state.js";

/** Dispatches kept per session for RESUME replay; older ones are dropped (a resume from before them is refused). */
const REPLAY_LOG_LIMIT = 10_000;

interface LoggedDispatch {
  s: number;
  t: string;
  d: unknown;
}

interface Connection {
  ws: WebSocket;
  send: (payload: unknown) => void;
  session: GatewaySession | null;
  closedByServer: boolean;
}

export interface GatewaySession {
  readonly id: string;
  readonly intents: number;
  /** `[shard id, shard count]` from IDENTIFY; `[0, 1]` when it sent none. */
  readonly shard: readonly [number, number];
  readonly identifiedAt: Date;
  seq: number;
  resumes: number;
  connection: Connection | null;
  log: LoggedDispatch[];
  /** Highest sequence number dropped from the log; resuming from below it is impossible. */
  dropped: number;
}

/** A read-only view of a session, for tests. */
export interface GatewaySessionInfo {
  sessionId: string;
  intents: number;
  shard: [number, number];
  identifiedAt: Date;
  seq: number;
  resumes: number;
  connected: boolean;
}

export interface GatewayDeps {
  state: EmulatorState;
  url: () => string;
  applicationId: string;
  heartbeatIntervalMs: number;
  acceptsToken: (token: unknown) => boolean;
}

/** zlib-stream transport compression: one deflate context per connection, each payload ends with a sync flush. */
function makeSender(ws: WebSocket, compress: boolean): (payload: unknown) => void {
  if (!compress) return (payload) => ws.readyState === WebSocket.OPEN && ws.send(JSON.stringify(payload));
  const deflate = createDeflate();
  let queue = Promise.resolve();
  return (payload) => {
    queue = queue.then(
      () =>
        new Promise<void>((resolve) => {
          const chunks: Buffer[] = [];
          const collect = (chunk: Buffer) => chunks.push(chunk);
          deflate.on("data", collect);
          deflate.write(JSON.stringify(payload));
          deflate.flush(zlibConstants.Z_SYNC_FLUSH, () => {
            deflate.off("data", collect);
            if (ws.readyState === WebSocket.OPEN) ws.send(Buffer.concat(chunks));
            resolve();
          });
        }),
    );
  };
}

interface IdentifyData {
  token?: unknown;
  intents?: number;
  shard?: unknown;
}

/** IDENTIFY's `[shard id, shard count]`, `[0, 1]` without one, or undefined when it is not a valid pair. */
function shardOf(data: IdentifyData): [number, number] | undefined {
  if (data?.shard === undefined) return [0, 1];
  const [id, count] = Array.isArray(data.shard) ? data.shard : [];
  const valid = Number.isInteger(id) && Number.isInteger(count) && count >= 1 && id >= 0 && id < count;
  return valid ? [id, count] : undefined;
}

const GUILD_EVENTS: ReadonlySet<string> = new Set([
  GatewayDispatchEvents.GuildCreate,
  GatewayDispatchEvents.GuildUpdate,
  GatewayDispatchEvents.GuildDelete,
]);

/** The guild an event belongs to (its `id` for GUILD_CREATE and the like, else its `guild_id`). */
function guildOfEvent(t: string, d: unknown): string | undefined {
  if (typeof d !== "object" || d === null) return undefined;
  const value = GUILD_EVENTS.has(t) ? (d as { id?: unknown }).id : (d as { guild_id?: unknown }).guild_id;
  return typeof value === "string" && /^\d+$/.test(value) ? value : undefined;
}

/** Whether a session's shard gets the events of `guildId` (undefined: a DM, for shard 0). */
function receives(session: GatewaySession, guildId: string | undefined): boolean {
  const [id, count] = session.shard;
  return (guildId === undefined ? 0 : shardOfGuild(guildId, count)) === id;
}

export class GatewayServer {
  readonly sessions = new Map<string, GatewaySession>();
  readonly stats = { connections: 0, identifies: 0, resumes: 0, invalidSessions: 0 };
  readonly #wss = new WebSocketServer({ noServer: true });
  readonly #connections = new Set<Connection>();

  constructor(private readonly deps: GatewayDeps) {}

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.#wss.handleUpgrade(req, socket, head, (ws) => this.#accept(ws, req));
  }

  #accept(ws: WebSocket, req: IncomingMessage): void {
    const query = new URL(req.url ?? "/", "ws://localhost").searchParams;
    const connection: Connection = {
      ws,
      send: makeSender(ws, query.get("compress") === "zlib-stream"),
      session: null,
      closedByServer: false,
    };
    this.#connections.add(connection);
    this.stats.connections++;
    ws.on("message", (raw) => this.#onMessage(connection, raw.toString()));
    ws.on("close", (code) => this.#onClose(connection, code));
    ws.on("error", () => {});
    connection.send({
      op: GatewayOpcodes.Hello,
      d: { heartbeat_interval: this.deps.heartbeatIntervalMs },
      s: null,
      t: null,
    });
    this.deps.state.changed();
  }

  #onClose(connection: Connection, code: number): void {
    this.#connections.delete(connection);
    const session = connection.session;
    if (session && session.connection === connection) {
      session.connection = null;
      // A client closing with 1000/1001 ends its session for good, as on Discord.
      if (!connection.closedByServer && (code === 1000 || code === 1001)) this.sessions.delete(session.id);
    }
    this.deps.state.changed();
  }

  #onMessage(connection: Connection, raw: string): void {
    let payload: { op?: number; d?: unknown };
    try {
      payload = JSON.parse(raw);
    } catch {
      this.#close(connection, GatewayCloseCodes.DecodeError, "Error while decoding payload.");
      return;
    }
    switch (payload.op) {
      case GatewayOpcodes.Heartbeat:
        connection.send({ op: GatewayOpcodes.HeartbeatAck, d: null, s: null, t: null });
        return;
      case GatewayOpcodes.Identify:
        this.#identify(connection, payload.d as IdentifyData);
        return;
      case GatewayOpcodes.Resume:
        this.#resume(connection, payload.d as { token?: unknown; session_id?: string; seq?: number });
        return;
      case GatewayOpcodes.RequestGuildMembers:
        if (connection.session)
          this.#requestMembers(connection.session, payload.d as GatewayRequestGuildMembersData);
        return;
      case GatewayOpcodes.PresenceUpdate:
      case GatewayOpcodes.VoiceStateUpdate:
        return;
      default:
        this.#close(connection, GatewayCloseCodes.UnknownOpcode, "Unknown opcode.");
    }
  }

  #close(connection: Connection, code: number, reason: string): void {
    connection.closedByServer = true;
    connection.ws.close(code, reason);
  }

  #identify(connection: Connection, data: IdentifyData): void {
    if (connection.session) {
      this.#close(connection, GatewayCloseCodes.AlreadyAuthenticated, "Already authenticated.");
      return;
    }
    if (!this.deps.acceptsToken(data?.token)) {
      this.#close(connection, GatewayCloseCodes.AuthenticationFailed, "Authentication failed.");
      return;
    }
    const shard = shardOf(data);
    if (!shard) {
      this.#close(connection, GatewayCloseCodes.InvalidShard, "Invalid shard.");
      return;
    }
    const session: GatewaySession = {
      id: randomBytes(16).toString("hex"),
      intents: Number(data.intents ?? 0),
      shard,
      identifiedAt: new Date(),
      seq: 0,
      resumes: 0,
      connection,
      log: [],
      dropped: 0,
    };
    this.sessions.set(session.id, session);
    connection.session = session;
    this.stats.identifies++;
    const { state } = this.deps;
    const guilds = [...state.guilds.values()].filter((guild) => receives(session, guild.id));
    const ready: GatewayReadyDispatchData = {
      v: 10,
      user: state.botUser,
      guilds: guilds.map(({ id }) => ({ id, unavailable: true })),
      session_id: session.id,
      resume_gateway_url: this.deps.url(),
      shard: [...shard],
      application: { id: this.deps.applicationId, flags: 0 as ApplicationFlags, flags_new: "0" },
    };
    connection.send({
      op: GatewayOpcodes.Dispatch,
      t: GatewayDispatchEvents.Ready,
      s: ++session.seq,
      d: ready,
    });
    for (const guild of guilds) {
      this.#sendTo(session, GatewayDispatchEvents.GuildCreate, guildCreateJson(state, guild));
    }
    state.changed();
  }

  #resume(connection: Connection, data: { token?: unknown; session_id?: string; seq?: number }): void {
    const session = this.sessions.get(data?.session_id ?? "");
    const seq = Number(data?.seq ?? 0);
    const replayable = session && seq <= session.seq && seq >= session.dropped;
    if (!session || !this.deps.acceptsToken(data?.token) || !replayable) {
      this.stats.invalidSessions++;
      connection.send({ op: GatewayOpcodes.InvalidSession, d: false, s: null, t: null });
      return;
    }
    if (session.connection && session.connection !== connection)
      this.#close(session.connection, 4000, "Session resumed elsewhere");
    session.connection = connection;
    connection.session = session;
    session.resumes++;
    this.stats.resumes++;
    for (const event of session.log) {
      if (event.s > seq) connection.send({ op: GatewayOpcodes.Dispatch, ...event });
    }
    connection.send({
      op: GatewayOpcodes.Dispatch,
      t: GatewayDispatchEvents.Resumed,
      s: ++session.seq,
      d: {},
    });
    this.deps.state.changed();
  }

  #requestMembers(session: GatewaySession, data: GatewayRequestGuildMembersData): void {
    const { state } = this.deps;
    const guild = state.guilds.get(data.guild_id);
    if (!guild) return;
    const wanted = "user_ids" in data ? new Set([data.user_ids].flat()) : undefined;
    const query = "query" in data ? data.query.toLowerCase() : "";
    const limit = "limit" in data && data.limit > 0 ? data.limit : Number.POSITIVE_INFINITY;
    const members = [...guild.members.values()]
      .filter((m) =>
        wanted ? wanted.has(m.userId) : (state.users.get(m.userId)?.username ?? "").startsWith(query),
      )
      .slice(0, limit)
      .map((m) => memberJson(state, m));
    const notFound = wanted ? [...wanted].filter((id) => !guild.members.has(id)) : [];
    this.#sendTo(session, GatewayDispatchEvents.GuildMembersChunk, {
      guild_id: guild.id,
      members,
      chunk_index: 0,
      chunk_count: 1,
      not_found: notFound,
      ...(data.nonce ? { nonce: data.nonce } : {}),
    });
  }

  /** Records the dispatch in the session (for RESUME) and sends it if the session is connected. */
  #sendTo(session: GatewaySession, t: string, d: unknown): void {
    const event: LoggedDispatch = { s: ++session.seq, t, d };
    session.log.push(event);
    if (session.log.length > REPLAY_LOG_LIMIT) session.dropped = session.log.shift()?.s ?? session.dropped;
    session.connection?.send({ op: GatewayOpcodes.Dispatch, ...event });
  }

  /**
   * Sends an event to every session (connected or waiting to resume) whose intents include `intent`
   * and whose shard serves the event's guild; events without a guild (DMs) go to shard 0.
   */
  dispatch(t: GatewayDispatchEvents, d: unknown, intent?: number): number {
    const guildId = guildOfEvent(t, d);
    let reached = 0;
    for (const session of this.sessions.values()) {
      if (intent !== undefined && (session.intents & intent) === 0) continue;
      if (!receives(session, guildId)) continue;
      this.#sendTo(session, t, d);
      reached++;
    }
    return reached;
  }

  /** Closes every connection with `code`; sessions stay resumable unless the code says otherwise. */
  closeAll(code: number, reason = "Closed by the emulator"): void {
    for (const connection of this.#connections) this.#close(connection, code, reason);
  }

  /** Asks every connected client to reconnect and resume (opcode 7). */
  requestReconnect(): void {
    for (const connection of this.#connections)
      connection.send({ op: GatewayOpcodes.Reconnect, d: null, s: null, t: null });
  }

  sessionInfo(): GatewaySessionInfo[] {
    return [...this.sessions.values()].map((s) => ({
      sessionId: s.id,
      intents: s.intents,
      shard: [...s.shard],
      identifiedAt: s.identifiedAt,
      seq: s.seq,
      resumes: s.resumes,
      connected: s.connection !== null,
    }));
  }

  stop(): void {
    for (const connection of this.#connections) connection.ws.terminate();
    this.#connections.clear();
    this.sessions.clear();
    this.#wss.close();
  }
}
