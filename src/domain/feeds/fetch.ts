import { Agent, fetch, type Response } from "undici";
import { checkTarget, publicOnlyLookup } from "./address.js";
import { FETCH_DEFAULTS } from "./config.js";
import { decodeFeedBytes } from "./decode.js";
import { FeedError } from "./errors.js";

export const USER_AGENT = "ReferenceDeskBot/0.1 (+https://github.com/reference-desk/reference-desk)";

const ACCEPT =
  "application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";

export interface FetchOptions {
  /** Validators from the last 200 answer, so an unchanged feed costs a 304. */
  etag?: string;
  lastModified?: string;
  /** Let hosts on loopback and private networks through (local testing only). */
  allowPrivateHosts?: boolean;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
}

export type FetchResult =
  | { status: "not-modified"; url: string }
  | { status: "ok"; url: string; text: string; etag?: string; lastModified?: string };

// Agents open connections only when used; the public one vets every address it connects to.
const publicAgent = new Agent({ connect: { lookup: publicOnlyLookup } });
const openAgent = new Agent();

/** Fetches a feed, following redirects one by one so every hop is vetted. Throws {@link FeedError}. */
export async function fetchFeed(url: string, options: FetchOptions = {}): Promise<FetchResult> {
  const timeoutMs = options.timeoutMs ?? FETCH_DEFAULTS.timeoutMs;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    return await fetchFollowingRedirects(url, options, controller.signal);
  } catch (error) {
    if (controller.signal.aborted)
      throw new FeedError("timeout", `timed out after ${formatSeconds(timeoutMs)}`);
    throw asFeedError(error);
  } finally {
    clearTimeout(timer);
  }
}

async function fetchFollowingRedirects(
  start: string,
  options: FetchOptions,
  signal: AbortSignal,
): Promise<FetchResult> {
  const allowPrivateHosts = options.allowPrivateHosts ?? false;
  const maxRedirects = options.maxRedirects ?? FETCH_DEFAULTS.maxRedirects;
  const headers: Record<string, string> = { "user-agent": USER_AGENT, accept: ACCEPT };
  if (options.etag) headers["if-none-match"] = options.etag;
  if (options.lastModified) headers["if-modified-since"] = options.lastModified;

  let url = checkTarget(start, allowPrivateHosts);
  for (let redirects = 0; ; redirects++) {
    const response = await fetch(url, {
      headers,
      signal,
      redirect: "manual",
      dispatcher: allowPrivateHosts ? openAgent : publicAgent,
    });
    const location = response.headers.get("location");
    if (response.status >= 300 && response.status < 400 && response.status !== 304 && location) {
      await response.body?.cancel();
      if (redirects >= maxRedirects) throw new FeedError("too-many-redirects", "too many redirects");
      url = checkTarget(new URL(location, url).href, allowPrivateHosts);
      continue;
    }
    if (response.status === 304) {
      await response.body?.cancel();
      return { status: "not-modified", url: url.href };
    }
    if (!response.ok) {
      await response.body?.cancel();
      const retryAfterMs =
        response.status === 429 || response.status === 503
          ? retryAfter(response.headers.get("retry-after"), Date.now())
          : undefined;
      throw new FeedError("http", `HTTP ${response.status}`, { retryAfterMs });
    }
    const bytes = await readAtMost(response, options.maxBytes ?? FETCH_DEFAULTS.maxBytes);
    return {
      status: "ok",
      url: url.href,
      text: decodeFeedBytes(bytes, response.headers.get("content-type")),
      etag: response.headers.get("etag") ?? undefined,
      lastModified: response.headers.get("last-modified") ?? undefined,
    };
  }
}

/** A `Retry-After` value (seconds, or an HTTP date) as a delay from `now`; undefined if absent or unreadable. */
export function retryAfter(header: string | null, now: number): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

async function readAtMost(response: Response, maxBytes: number): Promise<Uint8Array> {
  if (Number(response.headers.get("content-length")) > maxBytes) {
    await response.body?.cancel();
    throw tooLarge(maxBytes);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (response.body) {
    // Leaving the loop by throwing cancels the stream, so nothing past the limit is downloaded.
    for await (const chunk of response.body) {
      size += chunk.byteLength;
      if (size > maxBytes) throw tooLarge(maxBytes);
      chunks.push(chunk);
    }
  }
  return Buffer.concat(chunks, size);
}

const tooLarge = (maxBytes: number) => new FeedError("too-large", `too large: over ${formatSize(maxBytes)}`);

function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} bytes`;
}

const formatSeconds = (ms: number) => `${Number((ms / 1000).toFixed(1))} s`;

const networkReasons: Record<string, string> = {
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host name lookup failed",
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset by the server",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  UND_ERR_SOCKET: "connection closed by the server",
};

/** undici wraps connection errors (ours from the lookup too) in a TypeError; find the real one. */
function asFeedError(error: unknown): FeedError {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    if (cause instanceof FeedError) return cause;
    const code = (cause as NodeJS.ErrnoException).code;
    if (code && networkReasons[code]) return new FeedError("network", networkReasons[code], { cause: error });
    if (code && /CERT|TLS|SSL/.test(code))
      return new FeedError("network", `TLS error: ${code}`, { cause: error });
  }
  const innermost = innermostMessage(error);
  return new FeedError("network", `network error: ${innermost}`, { cause: error });
}

function innermostMessage(error: unknown): string {
  let current = error;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  return current instanceof Error ? current.message : String(current);
}
