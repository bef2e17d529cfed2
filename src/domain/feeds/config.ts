import type { Config } from "../../config.js";
import { HOUR_MS, MINUTE_MS } from "../time.js";

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

export const FETCH_DEFAULTS = { timeoutMs: 15_000, maxBytes: 5 * 1024 * 1024, maxRedirects: 5 } as const;

export const DEFAULT_FEEDS_CONFIG: FeedsConfig = {
  intervalMs: 15 * MINUTE_MS,
  maxBackoffMs: 6 * HOUR_MS,
  maxFailures: 10,
  concurrency: 8,
  maxPostsPerCycle: 5,
  tickMs: 30_000,
  allowPrivateHosts: false,
  ...FETCH_DEFAULTS,
};

/** The feed settings that come from the bot's one config module. */
export const feedsConfigFrom = (
  config: Pick<Config, "feedPollIntervalMs" | "feedAllowPrivateHosts">,
): Partial<FeedsConfig> => ({
  intervalMs: config.feedPollIntervalMs,
  allowPrivateHosts: config.feedAllowPrivateHosts,
});
