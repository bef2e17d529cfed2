import ms from "ms";
import { FETCH_DEFAULTS } from "./fetch.js";

export interface FeedsConfig {
  /** How often each feed is fetched; each feed has its own offset within it. */
  intervalMs: number;
  /** Longest wait between attempts of a failing feed. */
  maxBackoffMs: number;
  /** Failures in a row after which a feed is disabled. */
  maxFailures: number;
  /** Feeds fetched at the same time. */
  concurrency: number;
  maxPostsPerCycle: number;
  /** How often the poller looks for feeds that are due. */
  tickMs: number;
  allowPrivateHosts: boolean;
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
}

export const DEFAULT_FEEDS_CONFIG: FeedsConfig = {
  intervalMs: 15 * 60_000,
  maxBackoffMs: 6 * 60 * 60_000,
  maxFailures: 10,
  concurrency: 8,
  maxPostsPerCycle: 5,
  tickMs: 30_000,
  allowPrivateHosts: false,
  ...FETCH_DEFAULTS,
};

/** A duration such as "15m" or "30s" (see `ms`), in milliseconds. */
export function parseDuration(text: string): number {
  const value = ms(text as ms.StringValue);
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    throw new Error(`"${text}" is not a duration such as "15m" or "30s"`);
  }
  return value;
}

/** Settings from `FEED_POLL_INTERVAL` (e.g. "15m") and `FEED_ALLOW_PRIVATE_HOSTS` ("true"). */
export function feedsConfigFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<FeedsConfig> {
  const config: Partial<FeedsConfig> = { allowPrivateHosts: env.FEED_ALLOW_PRIVATE_HOSTS === "true" };
  if (env.FEED_POLL_INTERVAL) config.intervalMs = parseDuration(env.FEED_POLL_INTERVAL);
  return config;
}
