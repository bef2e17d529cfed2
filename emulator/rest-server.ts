import type { IncomingMessage, ServerResponse } from "node:http";
import type { EmulatorContext } from "./context.js";
import { decodePath, HttpError, type Router, readBody, sendJson } from "./http.js";

export interface RecordedRequest {
  method: string;
  /** Path after /api/v10, percent-decoded. */
  path: string;
  query: Record<string, string>;
  body: unknown;
  files: { filename: string; contentType: string; size: number }[];
  /** 0 while the request is still being handled. */
  status: number;
  response?: unknown;
}

const API_PREFIX = "/api/v10";

/** The next request matching `method` and `path` waits, unanswered, until released. */
export interface Hold {
  method: string;
  path: RegExp;
  /** Resolves when a matching request arrived and is being held. */
  reached: Promise<void>;
  release(): void;
}

interface PendingHold extends Hold {
  arrive(): void;
  released: Promise<void>;
}

/** Turns HTTP requests into route calls: logging, auth, Discord-style errors, attachment downloads. */
export class RestServer {
  readonly requests: RecordedRequest[] = [];
  readonly unhandledRoutes: { method: string; path: string }[] = [];
  readonly internalErrors: Error[] = [];
  readonly #holds: PendingHold[] = [];
  readonly #failures: { method: string; path: RegExp; left: number }[] = [];

  constructor(
    private readonly router: Router,
    private readonly ctx: EmulatorContext,
    private readonly acceptsToken: (token: string) => boolean,
  ) {}

  /** See {@link Hold}: lets a test stop the bot while it waits for Discord, as a crash would. */
  hold(method: string, path: RegExp): Hold {
    let arrive = () => {};
    let release = () => {};
    const reached = new Promise<void>((resolve) => {
      arrive = resolve;
    });
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const hold: PendingHold = { method, path, reached, release, arrive, released };
    this.#holds.push(hold);
    return hold;
  }

  /** The next `times` matching requests get Discord's 500, as in an outage; each retry counts. */
  failNext(method: string, path: RegExp, times: number): void {
    this.#failures.push({ method, path, left: times });
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const method = req.method ?? "GET";
    const failure = this.#failures.find(
      (each) =>
        each.left > 0 && each.method === method && each.path.test(url.pathname.slice(API_PREFIX.length)),
    );
    if (failure) {
      failure.left--;
      await readBody(req).catch(() => undefined);
      sendJson(res, 500, { code: 0, message: "500: Internal Server Error" });
      return;
    }
    const held = this.#holds.findIndex(
      (hold) => hold.method === method && hold.path.test(url.pathname.slice(API_PREFIX.length)),
    );
    const hold = this.#holds[held];
    if (hold) {
      this.#holds.splice(held, 1);
      hold.arrive();
      await hold.released;
      // A client that went away meanwhile never had its request carried out, as with a crash.
      if (req.socket.destroyed || res.destroyed) return;
    }
    if (method === "GET" && url.pathname.startsWith("/attachments/")) {
      this.#serveAttachment(url.pathname, res);
      return;
    }
    const versioned = url.pathname.startsWith(`${API_PREFIX}/`);
    const path = decodePath(versioned ? url.pathname.slice(API_PREFIX.length) : url.pathname);
    const query = Object.fromEntries(url.searchParams);
    const record: RecordedRequest = { method, path, query, body: undefined, files: [], status: 0 };
    this.requests.push(record);
    let reply: { status: number; body?: unknown };
    try {
      const parsed = await readBody(req);
      record.body = parsed.body;
      record.files = parsed.files.map(({ filename, contentType, content }) => ({
        filename,
        contentType,
        size: content.length,
      }));
      const match = versioned ? this.router.match(method, path) : undefined;
      if (!match) {
        this.unhandledRoutes.push({ method, path });
        throw new HttpError(404, { code: 0, message: "404: Not Found" });
      }
      const auth = req.headers.authorization ?? "";
      if (match.route.auth && !(auth.startsWith("Bot ") && this.acceptsToken(auth.slice(4)))) {
        throw new HttpError(401, { code: 0, message: "401: Unauthorized" });
      }
      reply = await match.route.handler({
        method,
        path,
        params: match.params,
        query: url.searchParams,
        ...parsed,
      });
    } catch (error) {
      reply = this.#errorReply(error, `${method} ${path}`);
    }
    record.status = reply.status;
    record.response = reply.body;
    if (reply.status >= 400) this.#noteRejected(record);
    sendJson(res, reply.status, reply.body);
    this.ctx.state.changed();
  }

  #errorReply(error: unknown, what: string): { status: number; body: unknown } {
    if (error instanceof HttpError) return { status: error.status, body: error.body };
    const failure = error instanceof Error ? error : new Error(String(error));
    this.internalErrors.push(failure);
    console.error(`[discord-emulator] ${what} failed:`, failure);
    return { status: 500, body: { code: 0, message: "500: Internal Server Error" } };
  }

  /** Attaches a failed request to its interaction, so a waiting handle can report it. */
  #noteRejected(record: RecordedRequest): void {
    const [, kind, first, second] = record.path.split("/");
    const { interactions } = this.ctx;
    const interaction =
      kind === "interactions"
        ? interactions.get(first ?? "")
        : kind === "webhooks"
          ? interactions.byToken(second ?? "")
          : undefined;
    const { method, path, status, response: body } = record;
    interaction?.rejected.push({ method, path, status, body });
  }

  #serveAttachment(pathname: string, res: ServerResponse): void {
    const [, , channelId, attachmentId] = pathname.split("/");
    const file = [...this.ctx.state.messages.values()]
      .filter((m) => m.channel_id === channelId)
      .flatMap((m) => m.files)
      .find((f) => f.id === attachmentId);
    if (!file) {
      sendJson(res, 404, { code: 0, message: "404: Not Found" });
      return;
    }
    res
      .writeHead(200, { "content-type": file.contentType, "content-length": file.content.length })
      .end(file.content);
  }
}
