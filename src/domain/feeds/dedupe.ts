import { createHash } from "node:crypto";
import type { FeedItem } from "./parse.js";

/** About how many item ids a feed remembers; more only while the feed itself lists more. */
export const SEEN_LIMIT = 1000;

export interface PlanOptions {
  /** The feed's first fetch: nothing is posted, except the newest item with `backfill`. */
  firstRun: boolean;
  backfill: boolean;
  keywords: readonly string[];
  maxPosts: number;
}

export interface PostPlan {
  /** Oldest first; each is marked seen only once the poster has delivered it. */
  post: FeedItem[];
  /** Ids to mark seen now: never to be posted (first run, or filtered out by keywords). */
  skip: string[];
  /** More items wait for a later cycle. */
  overflow: boolean;
}

export function planPosts(
  items: readonly FeedItem[],
  seenIds: readonly string[],
  options: PlanOptions,
): PostPlan {
  const seen = new Set(seenIds);
  const unseen = oldestFirst(uniqueById(items).filter((item) => !seen.has(item.id)));
  const wanted = unseen.filter((item) => matchesKeywords(item, options.keywords));
  const post = options.firstRun
    ? options.backfill
      ? wanted.slice(-1)
      : []
    : wanted.slice(0, options.maxPosts);
  // On a first run everything else is skipped; later only what the keywords filter out.
  const keep = new Set(options.firstRun ? post : wanted);
  const skip = unseen.filter((item) => !keep.has(item)).map((item) => item.id);
  return { post, skip, overflow: !options.firstRun && wanted.length > post.length };
}

function uniqueById(items: readonly FeedItem[]): FeedItem[] {
  const ids = new Set<string>();
  return items.filter((item) => !ids.has(item.id) && ids.add(item.id));
}

/** By date when every item has one; otherwise the reverse of the feed's (newest first) order. */
function oldestFirst(items: FeedItem[]): FeedItem[] {
  const reversed = [...items].reverse();
  if (!items.every((item) => item.published)) return reversed;
  // The sort is stable, so items with the same date keep their reversed feed order.
  return reversed.sort((a, b) => (a.published?.getTime() ?? 0) - (b.published?.getTime() ?? 0));
}

export function matchesKeywords(item: FeedItem, keywords: readonly string[]): boolean {
  if (keywords.length === 0) return true;
  const text = `${item.title}\n${item.summaryText}`.toLowerCase();
  return keywords.some((keyword) => text.includes(keyword.toLowerCase()));
}

/**
 * Adds ids to the seen list (oldest first) and drops the oldest beyond `limit`, but never an id the
 * feed still lists (`current`): forgetting one of those would post it again.
 */
export function rememberSeen(
  seenIds: readonly string[],
  added: readonly string[],
  current: ReadonlySet<string>,
  limit = SEEN_LIMIT,
): string[] {
  const addedSet = new Set(added);
  const merged = [...seenIds.filter((id) => !addedSet.has(id)), ...addedSet];
  let excess = merged.length - limit;
  const kept: string[] = [];
  for (const id of merged) {
    if (excess > 0 && !current.has(id)) excess--;
    else kept.push(id);
  }
  return kept;
}

/**
 * A Discord message nonce (at most 25 characters) that is the same every time this item is
 * posted for this feed, so a repeat after a crash is dropped by Discord (`enforce_nonce`).
 */
export function itemNonce(guildId: string, feedId: string, itemId: string): string {
  const digest = createHash("sha256").update(`${guildId}\n${feedId}\n${itemId}`).digest("hex");
  // 120 bits in base 36 is at most 24 characters.
  return BigInt(`0x${digest.slice(0, 30)}`).toString(36);
}
