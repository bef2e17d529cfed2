import { createHash } from "node:crypto";
import { guildKey } from "../../store/store.js";

export type FeedState = "active" | "paused" | "disabled";

/** Everything about one followed feed in one guild: one store record per feed. Times are epoch ms. */
export interface FeedRecord {
  id: string;
  url: string;
  guildId: string;
  channelId: string;
  mentionRoleId?: string;
  /** Post only items whose title or summary contains one of these (any case); empty posts all. */
  keywords: string[];
  backfill: boolean;
  addedBy: string;
  addedAt: number;
  title: string;
  state: FeedState;
  /** Validators of the last 200 answer whose items were all dealt with. */
  etag?: string;
  lastModified?: string;
  lastSuccessAt?: number;
  lastError?: string;
  lastErrorAt?: number;
  consecutiveFailures: number;
  nextAttemptAt: number;
  itemsPosted: number;
  /** Ids of items posted or skipped, oldest first, bounded (see `rememberSeen`). */
  seenIds: string[];
}

export const FEEDS_COLLECTION = "feeds";

export const feedKey = (guildId: string, feedId: string): string =>
  guildKey(guildId, FEEDS_COLLECTION, feedId);

const feedKeyPattern = new RegExp(`^guild/[^/]+/${FEEDS_COLLECTION}/[^/]+$`);

export const isFeedKey = (key: string): boolean => feedKeyPattern.test(key);

const hashNumber = (text: string, hexDigits: number): number =>
  Number.parseInt(createHash("sha256").update(text).digest("hex").slice(0, hexDigits), 16);

/** A short id, the same for the same URL every time (8 base-36 characters at most). */
export const feedIdFor = (url: string): string => hashNumber(url, 10).toString(36);

/** The feed's fixed place within each interval, so feeds spread out instead of all fetching at once. */
export const slotOffset = (url: string, intervalMs: number): number =>
  hashNumber(`slot\n${url}`, 12) % intervalMs;

/** The first of the feed's slots after `now`. */
export function nextSlot(url: string, now: number, intervalMs: number): number {
  const offset = slotOffset(url, intervalMs);
  return Math.floor((now - offset) / intervalMs) * intervalMs + offset + intervalMs;
}

/** Wait after the `failures`-th failure in a row: one interval, doubling each time, capped. */
export const backoffDelay = (failures: number, intervalMs: number, maxMs: number): number =>
  Math.min(intervalMs * 2 ** Math.max(0, failures - 1), Math.max(maxMs, intervalMs));
