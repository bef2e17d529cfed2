import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { FeedItem } from "../../src/domain/feeds/parse.js";
import type { FeedRecord } from "../../src/domain/feeds/records.js";

export const fixture = (name: string): Buffer => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

export interface TestServer {
  origin: string;
  url(path: string): string;
  /** Serves `path` with this handler from now on. */
  route(path: string, handler: Handler): void;
  /** Paths of every request, in order, with their headers. */
  requests: Array<{ path: string; headers: IncomingMessage["headers"] }>;
  close(): Promise<void>;
}

/** A node:http server on 127.0.0.1 at a random port. */
export async function startServer(): Promise<TestServer> {
  const routes = new Map<string, Handler>();
  const requests: TestServer["requests"] = [];
  const server = createServer((request, response) => {
    const path = request.url ?? "/";
    requests.push({ path, headers: request.headers });
    const handler = routes.get(path);
    if (handler) handler(request, response);
    else response.writeHead(404).end("not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => `${origin}${path}`,
    route: (path, handler) => routes.set(path, handler),
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Serves whatever `body()` returns, with an ETag and Last-Modified, answering 304 when unchanged. */
export function conditional(
  body: () => string | Buffer,
  { etag = true, lastModified = true, contentType = "application/rss+xml; charset=utf-8" } = {},
): Handler {
  return (request, response) => {
    const content = body();
    const tag = `"${createHash("sha1").update(content).digest("hex").slice(0, 12)}"`;
    // A Last-Modified that changes with the content, as a real server's would.
    const modified = new Date(
      Date.UTC(2025, 0, 1) + Number.parseInt(tag.slice(1, 8), 16) * 1000,
    ).toUTCString();
    const headers: Record<string, string> = { "content-type": contentType };
    if (etag) headers.etag = tag;
    if (lastModified) headers["last-modified"] = modified;
    const unchanged =
      (etag && request.headers["if-none-match"] === tag) ||
      (!etag && lastModified && request.headers["if-modified-since"] === modified);
    if (unchanged) response.writeHead(304, headers).end();
    else response.writeHead(200, headers).end(content);
  };
}

export interface TestItem {
  id: string;
  title?: string;
  description?: string;
  /** Minutes after 2025-03-01T00:00Z. */
  minute?: number;
}

/** An RSS 2.0 document with these items, in this order. */
export function rss(items: readonly TestItem[], title = "Test feed"): string {
  const entries = items.map((item) => {
    const date =
      item.minute === undefined
        ? ""
        : `<pubDate>${new Date(Date.UTC(2025, 2, 1) + item.minute * 60_000).toUTCString()}</pubDate>`;
    return `<item><title>${item.title ?? `Item ${item.id}`}</title><guid>${item.id}</guid>${date}<description>${item.description ?? ""}</description></item>`;
  });
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title><link>https://example.org/</link>${entries.join("")}</channel></rss>`;
}

/** Items numbered `from`..`to`, newest (highest number) first as feeds list them. */
export const numbered = (from: number, to: number): TestItem[] =>
  Array.from({ length: to - from + 1 }, (_, index) => ({ id: `item-${to - index}`, minute: to - index }));

/**
 * Stands in for a Discord channel: like Discord with `enforce_nonce`, a message whose nonce was
 * already used is not created again (the earlier one is returned instead).
 */
export class FakeChannel {
  readonly messages: Array<{ feedId: string; itemId: string; title: string; nonce: string }> = [];
  readonly calls: string[] = [];
  failWith: Error | undefined;

  readonly post = async (feed: FeedRecord, item: FeedItem, nonce: string): Promise<void> => {
    this.calls.push(nonce);
    if (this.failWith) throw this.failWith;
    if (this.messages.some((message) => message.nonce === nonce)) return;
    this.messages.push({ feedId: feed.id, itemId: item.id, title: item.title, nonce });
  };

  get itemIds(): string[] {
    return this.messages.map((message) => message.itemId);
  }
}

export class FakeClock {
  constructor(public time = Date.UTC(2025, 2, 10, 12)) {}
  readonly now = (): number => this.time;
  advance(ms: number): number {
    this.time += ms;
    return this.time;
  }
}
