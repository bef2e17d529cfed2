import type { IncomingMessage, ServerResponse } from "node:http";

/** A Discord-style error reply: thrown by route handlers and turned into the JSON error body. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: { code: number; message: string; errors?: unknown },
  ) {
    super(`${status} ${body.message}`);
  }
}

export const unknown = {
  channel: () => new HttpError(404, { code: 10003, message: "Unknown Channel" }),
  guild: () => new HttpError(404, { code: 10004, message: "Unknown Guild" }),
  member: () => new HttpError(404, { code: 10007, message: "Unknown Member" }),
  message: () => new HttpError(404, { code: 10008, message: "Unknown Message" }),
  user: () => new HttpError(404, { code: 10013, message: "Unknown User" }),
  webhook: () => new HttpError(404, { code: 10015, message: "Unknown Webhook" }),
  command: () => new HttpError(404, { code: 10063, message: "Unknown application command" }),
  interaction: () => new HttpError(404, { code: 10062, message: "Unknown interaction" }),
};

export const wrongChannelType = () =>
  new HttpError(400, { code: 50024, message: "Cannot execute action on this channel type" });

export interface UploadedFile {
  /** The n in the multipart field name `files[n]`. */
  index: number;
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface RestRequest {
  method: string;
  /** Path after `/api/v10`, percent-decoded (`%40original` becomes `@original`). */
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  files: UploadedFile[];
}

export type RestReply = { status: number; body?: unknown };
export type RouteHandler = (req: RestRequest) => RestReply | Promise<RestReply>;

export interface Route {
  method: string;
  segments: string[];
  /** Interaction callbacks and interaction webhooks carry no Authorization header. */
  auth: boolean;
  handler: RouteHandler;
}

export const ok = (body: unknown): RestReply => ({ status: 200, body });
export const created = (body: unknown): RestReply => ({ status: 201, body });
export const noContent = (): RestReply => ({ status: 204 });

export class Router {
  readonly routes: Route[] = [];

  add(method: string, pattern: string, handler: RouteHandler, options: { auth?: boolean } = {}): this {
    this.routes.push({
      method,
      segments: pattern.split("/").filter(Boolean),
      auth: options.auth ?? true,
      handler,
    });
    return this;
  }

  match(method: string, path: string): { route: Route; params: Record<string, string> } | undefined {
    const parts = path.split("/").filter(Boolean);
    // Literal segments win over parameters, e.g. /users/@me before /users/:userId.
    let best: { route: Route; params: Record<string, string>; literals: number } | undefined;
    for (const route of this.routes) {
      if (route.method !== method || route.segments.length !== parts.length) continue;
      const params: Record<string, string> = {};
      let literals = 0;
      const fits = route.segments.every((segment, i) => {
        const part = parts[i] ?? "";
        if (segment.startsWith(":")) {
          params[segment.slice(1)] = part;
          return true;
        }
        literals++;
        return segment === part;
      });
      if (fits && (!best || literals > best.literals)) best = { route, params, literals };
    }
    return best;
  }
}

export function decodePath(rawPath: string): string {
  return rawPath
    .split("/")
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .join("/");
}

/** Listens rather than iterating the stream: its async iterator costs a promise and a tick per chunk. */
function readRaw(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.once("end", () => resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)));
    req.once("error", reject);
  });
}

const invalidJson = () =>
  new HttpError(400, { code: 50109, message: "The request body contains invalid JSON." });

/** Parses a JSON or multipart/form-data body (`payload_json` + `files[n]`), as discord.js sends them. */
export async function readBody(req: IncomingMessage): Promise<{ body: unknown; files: UploadedFile[] }> {
  const raw = await readRaw(req);
  const type = req.headers["content-type"] ?? "";
  if (raw.length === 0) return { body: undefined, files: [] };
  if (type.startsWith("multipart/form-data")) {
    const form = await new Response(raw, { headers: { "content-type": type } }).formData();
    const files: UploadedFile[] = [];
    let body: unknown;
    for (const [key, value] of form.entries()) {
      if (key === "payload_json" && typeof value === "string") {
        try {
          body = JSON.parse(value);
        } catch {
          throw invalidJson();
        }
        continue;
      }
      const index = /^files\[(\d+)\]$/.exec(key)?.[1];
      if (index !== undefined && typeof value !== "string") {
        files.push({
          index: Number(index),
          filename: value.name,
          contentType: value.type || "application/octet-stream",
          content: Buffer.from(await value.arrayBuffer()),
        });
      }
    }
    return { body, files };
  }
  try {
    return { body: JSON.parse(raw.toString("utf8")), files: [] };
  } catch {
    throw invalidJson();
  }
}

export function sendJson(res: ServerResponse, status: number, body?: unknown): void {
  if (status === 204 || body === undefined) {
    res.writeHead(status === 200 ? 204 : status).end();
    return;
  }
  const text = JSON.stringify(body);
  res
    .writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) })
    .end(text);
}
