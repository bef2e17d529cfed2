import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { APIApplicationCommand, APIUser } from "discord-api-types/v10";
import { ChannelType, GatewayDispatchEvents, GatewayIntentBits } from "discord-api-types/v10";
import { Actor } from "./actor.js";
import type { EmulatorContext, ResolvedOptions } from "./context.js";
import { GatewayServer, type GatewaySessionInfo } from "./gateway.js";
import { Router } from "./http.js";
import { InteractionRegistry } from "./interactions.js";
import { isEphemeral } from "./messages.js";
import { channelJson, guildCreateJson, memberJson, roleJson } from "./payloads.js";
import { type PermissionInput, toPermissionBits } from "./permissions.js";
import { type Hold, type RecordedRequest, RestServer } from "./rest-server.js";
import { registerChannelRoutes } from "./routes/channels.js";
import { registerCoreRoutes } from "./routes/core.js";
import { registerGuildRoutes } from "./routes/guilds.js";
import { registerInteractionRoutes } from "./routes/interactions.js";
import { type DefaultSeed, seedDefaultGuild } from "./seed.js";
import {
  type ChannelRecord,
  EmulatorState,
  type GuildRecord,
  isThread,
  type MemberRecord,
  type MessageEvent,
  type RoleRecord,
  type StoredMessage,
} from "./state.js";
import { waitFor } from "./wait.js";

export interface EmulatorStartOptions extends Partial<Omit<ResolvedOptions, "strictToken">> {
  /** Create the default guild (see seedDefaultGuild); its ids end up in `emulator.seed`. */
  seed?: boolean;
  /** Accept only this bot token (REST and gateway). By default any token is accepted. */
  token?: string;
  botUsername?: string;
}

export interface ThreadInfo {
  id: string;
  name: string;
  type: ChannelType;
  parentId: string | null;
  ownerId: string | null;
  invitable: boolean;
  archived: boolean;
  memberIds: string[];
}

/** An in-process Discord (REST v10 + gateway) on 127.0.0.1 that a real discord.js Client can log in to. */
export class DiscordEmulator {
  readonly state: EmulatorState;
  readonly applicationId: string;
  readonly botToken: string;
  seed: DefaultSeed | undefined;

  readonly #ctx: EmulatorContext;
  readonly #rest: RestServer;
  readonly #server: Server;
  #port = 0;

  private constructor(options: EmulatorStartOptions) {
    this.state = new EmulatorState(options.botUsername ?? "Reference Desk");
    const bot = this.state.botUser;
    this.applicationId = bot.id;
    this.botToken =
      options.token ??
      `${Buffer.from(bot.id).toString("base64url")}.emulator.${randomBytes(16).toString("base64url")}`;
    const resolved: ResolvedOptions = {
      timeoutMs: options.timeoutMs ?? 5000,
      interactionAckDeadlineMs: options.interactionAckDeadlineMs ?? 3000,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
      nonceWindowMs: options.nonceWindowMs ?? 5 * 60_000,
      strictToken: options.token ?? null,
      shards: options.shards ?? 1,
    };
    const gateway = new GatewayServer({
      state: this.state,
      url: () => this.gatewayUrl,
      applicationId: this.applicationId,
      heartbeatIntervalMs: resolved.heartbeatIntervalMs,
      acceptsToken: (token) => typeof token === "string" && this.#acceptsToken(token),
    });
    this.#ctx = {
      state: this.state,
      dispatch: (event, data, intent) => gateway.dispatch(event, data, intent),
      baseUrl: () => `http://127.0.0.1:${this.#port}`,
      applicationId: this.applicationId,
      botToken: this.botToken,
      gateway,
      interactions: new InteractionRegistry(),
      gatewayUrl: () => this.gatewayUrl,
      options: resolved,
      nonces: new Map(),
      application: {
        id: this.applicationId,
        name: bot.username,
        icon: null,
        description: "",
        bot_public: false,
        bot_require_code_grant: false,
        verify_key: randomBytes(32).toString("hex"),
        flags: 0,
        flags_new: "0",
        team: null,
        bot,
        owner: bot,
        summary: "",
        approximate_guild_count: 0,
      },
    };
    const router = new Router();
    registerCoreRoutes(router, this.#ctx);
    registerChannelRoutes(router, this.#ctx);
    registerGuildRoutes(router, this.#ctx);
    registerInteractionRoutes(router, this.#ctx);
    this.#rest = new RestServer(router, this.#ctx, (token) => this.#acceptsToken(token));
    this.#server = createServer((req, res) => void this.#rest.handle(req, res));
    this.#server.on("upgrade", (req, socket, head) => gateway.handleUpgrade(req, socket, head));
  }

  static async start(options: EmulatorStartOptions = {}): Promise<DiscordEmulator> {
    const emulator = new DiscordEmulator(options);
    await new Promise<void>((resolve, reject) => {
      emulator.#server.once("error", reject);
      emulator.#server.listen(0, "127.0.0.1", () => resolve());
    });
    emulator.#port = (emulator.#server.address() as AddressInfo).port;
    if (options.seed) emulator.seed = emulator.seedDefaultGuild();
    return emulator;
  }

  async stop(): Promise<void> {
    this.#ctx.gateway.stop();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  /** Give this to discord.js as `rest: { api: emulator.apiUrl }`; discord.js appends /v10. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.#port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.#port}`;
  }

  /** Every REST request the emulator received, in order. */
  get requests(): RecordedRequest[] {
    return this.#rest.requests;
  }

  /**
   * Holds the next REST request of `method` to a path (after /api/v10) matching `path`, unanswered,
   * until `release()`; a client gone by then never had it carried out. For crash tests.
   */
  hold(method: string, path: RegExp): Hold {
    return this.#rest.hold(method, path);
  }

  /** Answers the next `times` matching REST calls with a 500, as Discord does in an outage. */
  failNext(method: string, path: RegExp, times = 1): void {
    this.#rest.failNext(method, path, times);
  }

  /** Requests to routes the emulator does not know (answered 404). */
  get unhandledRoutes(): { method: string; path: string }[] {
    return this.#rest.unhandledRoutes;
  }

  /** Exceptions thrown inside the emulator (answered 500); should stay empty. */
  get internalErrors(): Error[] {
    return this.#rest.internalErrors;
  }

  get botUser(): APIUser {
    return this.state.botUser;
  }

  // ---- Seeding -------------------------------------------------------------------------------

  /** The owner (who gets every permission) defaults to the bot, so seeded members have only their roles' permissions. */
  addGuild(input: { id?: string; name: string; ownerId?: string }): GuildRecord {
    const guild = this.state.addGuild(input);
    this.#ctx.gateway.dispatch(
      GatewayDispatchEvents.GuildCreate,
      guildCreateJson(this.state, guild),
      GatewayIntentBits.Guilds,
    );
    return guild;
  }

  addChannel(
    guildId: string,
    input: { id?: string; name: string; type?: ChannelType; topic?: string; parentId?: string },
  ): ChannelRecord {
    this.#guild(guildId);
    const channel = this.state.addChannel({
      ...(input.id ? { id: input.id } : {}),
      type: input.type ?? ChannelType.GuildText,
      name: input.name,
      guildId,
      topic: input.topic ?? null,
      parentId: input.parentId ?? null,
    });
    this.#ctx.gateway.dispatch(
      GatewayDispatchEvents.ChannelCreate,
      channelJson(this.state, channel),
      GatewayIntentBits.Guilds,
    );
    return channel;
  }

  /**
   * Replaces a guild channel's permission overwrites (`id` is a role, the guild id for @everyone,
   * or a member) and tells the bot with CHANNEL_UPDATE.
   */
  setChannelOverwrites(
    channelId: string,
    overwrites: { id: string; type: "role" | "member"; allow?: PermissionInput; deny?: PermissionInput }[],
  ): void {
    const channel = this.state.channels.get(channelId);
    if (!channel?.guildId) throw new Error(`No guild channel ${channelId}`);
    channel.overwrites = overwrites.map((o) => ({
      id: o.id,
      type: o.type,
      allow: toPermissionBits(o.allow),
      deny: toPermissionBits(o.deny),
    }));
    this.#ctx.gateway.dispatch(
      GatewayDispatchEvents.ChannelUpdate,
      channelJson(this.state, channel),
      GatewayIntentBits.Guilds,
    );
    this.state.changed();
  }

  addRole(
    guildId: string,
    input: { id?: string; name: string; permissions: PermissionInput; mentionable?: boolean },
  ): RoleRecord {
    const role = this.state.addRole(this.#guild(guildId), {
      ...input,
      permissions: toPermissionBits(input.permissions),
    });
    this.#ctx.gateway.dispatch(
      GatewayDispatchEvents.GuildRoleCreate,
      { guild_id: guildId, role: roleJson(role) },
      GatewayIntentBits.Guilds,
    );
    return role;
  }

  /** A user with no guild, e.g. someone who only DMs the bot. */
  addUser(input: { id?: string; username: string; globalName?: string }): APIUser {
    const user = this.state.addUser(input);
    this.state.changed();
    return user;
  }

  /** Creates the user if needed and adds them to the guild. `permissions` are granted on top of their roles. */
  addMember(
    guildId: string,
    input: {
      id?: string;
      username: string;
      globalName?: string;
      roles?: string[];
      permissions?: PermissionInput;
      nick?: string;
    },
  ): MemberRecord {
    const guild = this.#guild(guildId);
    const user = this.state.addUser(input);
    const member = this.state.addMember(guild, user, {
      ...input,
      permissions: toPermissionBits(input.permissions),
    });
    this.#ctx.gateway.dispatch(
      GatewayDispatchEvents.GuildMemberAdd,
      { ...memberJson(this.state, member), guild_id: guildId },
      GatewayIntentBits.GuildMembers,
    );
    return member;
  }

  updateMember(
    guildId: string,
    userId: string,
    changes: { roles?: string[]; nick?: string | null },
  ): MemberRecord {
    const member = this.#guild(guildId).members.get(userId);
    if (!member) throw new Error(`User ${userId} is not a member of guild ${guildId}`);
    if (changes.roles) member.roles = [...changes.roles];
    if (changes.nick !== undefined) member.nick = changes.nick;
    this.#ctx.gateway.dispatch(
      GatewayDispatchEvents.GuildMemberUpdate,
      { ...memberJson(this.state, member), guild_id: guildId },
      GatewayIntentBits.GuildMembers,
    );
    this.state.changed();
    return member;
  }

  /** Closed DMs make POST /channels/{dm}/messages answer 403 with code 50007. */
  setDmsOpen(userId: string, open: boolean): void {
    if (open) this.state.dmsClosed.delete(userId);
    else this.state.dmsClosed.add(userId);
  }

  seedDefaultGuild(name?: string, guildId?: string): DefaultSeed {
    return seedDefaultGuild(this, name, guildId);
  }

  // ---- Acting --------------------------------------------------------------------------------

  /** A user about to use the bot: in a guild channel (default: the guild's first text channel) or, without guildId, in their DM. */
  as(userId: string, where: { guildId?: string; channelId?: string } = {}): Actor {
    return new Actor(this.#ctx, userId, where);
  }

  // ---- Reading back --------------------------------------------------------------------------

  /** Non-ephemeral messages in a channel, oldest first. */
  channelMessages(channelId: string): StoredMessage[] {
    return this.state.channelMessages(channelId).filter((m) => !isEphemeral(m));
  }

  /** Messages in the user's DM channel with the bot, oldest first. */
  dmMessages(userId: string): StoredMessage[] {
    const channelId = this.state.dmChannelByUser.get(userId);
    return channelId ? this.channelMessages(channelId) : [];
  }

  /** Every live message, including ephemeral ones. */
  allMessages(): StoredMessage[] {
    return [...this.state.messages.values()];
  }

  message(id: string): StoredMessage | undefined {
    return this.state.messages.get(id);
  }

  /** Resolves with the first message (already there or yet to come, edits included) matching `predicate`. */
  waitForMessage(
    predicate: (message: StoredMessage) => boolean,
    timeoutMs = this.#ctx.options.timeoutMs,
  ): Promise<StoredMessage> {
    return waitFor(
      this.state,
      () => this.allMessages().find(predicate),
      timeoutMs,
      () =>
        `waiting for a matching message. Messages so far: ${JSON.stringify(
          this.allMessages()
            .slice(-10)
            .map((m) => ({
              channel: m.channel_id,
              content: m.content.slice(0, 80),
              embeds: m.embeds.length,
            })),
        )}`,
    );
  }

  /** Resolves once `condition` holds; re-checked on every emulator change. */
  async waitUntil(
    condition: () => boolean,
    timeoutMs = this.#ctx.options.timeoutMs,
    description = "a condition",
  ): Promise<void> {
    await waitFor(
      this.state,
      () => (condition() ? true : undefined),
      timeoutMs,
      () => `waiting for ${description}`,
    );
  }

  /**
   * Calls `listener` whenever the bot creates, edits or deletes a message (ephemeral ones included),
   * right after the change. Returns a function that stops listening. An error thrown by the
   * listener is kept in `internalErrors`, not passed to the bot.
   */
  onMessage(listener: (event: MessageEvent) => void): () => void {
    const guarded = (event: MessageEvent) => {
      try {
        listener(event);
      } catch (error) {
        this.internalErrors.push(error instanceof Error ? error : new Error(String(error)));
      }
    };
    this.state.on("message", guarded);
    return () => this.state.off("message", guarded);
  }

  /** A guild's channels (threads included), in creation order. */
  guildChannels(guildId: string): { id: string; name: string; type: ChannelType; parentId: string | null }[] {
    return [...this.state.channels.values()]
      .filter((c) => c.guildId === guildId)
      .map((c) => ({ id: c.id, name: c.name ?? "", type: c.type, parentId: c.parentId }));
  }

  /** A guild's roles, @everyone first, with the members who have each. */
  roles(
    guildId: string,
  ): { id: string; name: string; permissions: bigint; mentionable: boolean; memberIds: string[] }[] {
    const guild = this.#guild(guildId);
    return [...guild.roles.values()].map((role) => ({
      id: role.id,
      name: role.name,
      permissions: role.permissions,
      mentionable: role.mentionable,
      memberIds: [...guild.members.values()]
        .filter((m) => role.id === guildId || m.roles.includes(role.id))
        .map((m) => m.userId),
    }));
  }

  threads(parentId?: string): ThreadInfo[] {
    return [...this.state.channels.values()]
      .filter((c) => isThread(c) && (parentId === undefined || c.parentId === parentId))
      .map((c) => ({
        id: c.id,
        name: c.name ?? "",
        type: c.type,
        parentId: c.parentId,
        ownerId: c.ownerId,
        invitable: c.thread?.invitable ?? true,
        archived: c.thread?.archived ?? false,
        memberIds: [...c.threadMembers.keys()],
      }));
  }

  threadMembers(threadId: string): string[] {
    return [...(this.state.channels.get(threadId)?.threadMembers.keys() ?? [])];
  }

  /** Commands the bot registered: global ones, or a guild's. */
  commands(guildId?: string): APIApplicationCommand[] {
    return this.state.commands.get(guildId ?? "global") ?? [];
  }

  // ---- Gateway control -----------------------------------------------------------------------

  /** Drops every gateway connection with `code`; discord.js then RESUMEs (for resumable codes like 4000). */
  closeGatewayConnections(code = 4000): void {
    this.#ctx.gateway.closeAll(code);
  }

  /** Sends opcode 7 Reconnect to every connection. */
  requestGatewayReconnect(): void {
    this.#ctx.gateway.requestReconnect();
  }

  get gatewaySessions(): GatewaySessionInfo[] {
    return this.#ctx.gateway.sessionInfo();
  }

  get gatewayStats(): { connections: number; identifies: number; resumes: number; invalidSessions: number } {
    return { ...this.#ctx.gateway.stats };
  }

  /** Sends any dispatch to all sessions, for events the emulator does not produce itself. */
  dispatchGatewayEvent(event: GatewayDispatchEvents, data: unknown): number {
    return this.#ctx.gateway.dispatch(event, data);
  }

  // ---- Internals -----------------------------------------------------------------------------

  #guild(guildId: string): GuildRecord {
    const guild = this.state.guilds.get(guildId);
    if (!guild) throw new Error(`No guild ${guildId}`);
    return guild;
  }

  #acceptsToken(token: string): boolean {
    const strict = this.#ctx.options.strictToken;
    return strict === null ? token.trim().length > 0 : token === strict;
  }
}
