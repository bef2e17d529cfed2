import { collectionPattern, type Store } from "../../store/store.js";
import { UserError } from "../errors.js";
import { checkTarget } from "./address.js";
import { DEFAULT_FEEDS_CONFIG, type FeedsConfig } from "./config.js";
import { planPosts, rememberSeen } from "./dedupe.js";
import { FeedError, failureReason } from "./errors.js";
import type { FetchOptions, FetchResult } from "./fetch.js";
import type { Feed } from "./parse.js";
import { loadFeedReader } from "./reader.js";
import { FEEDS_COLLECTION, type FeedRecord, feedIdFor, feedKey, isFeedKey, nextSlot } from "./records.js";

type FetchedFeed = Extract<FetchResult, { status: "ok" }>;

export interface AddFeedInput {
  guildId: string;
  channelId: string;
  url: string;
  addedBy: string;
  mentionRoleId?: string;
  keywords?: readonly string[];
  /** Post the newest current item at once instead of nothing. */
  backfill?: boolean;
}

export type AddFeedResult = {
  feed: FeedRecord;
  title: string;
  itemCount: number;
  /** Whether an article is waiting to be posted at once (backfill found one to post). */
  backfilling: boolean;
};

/** Told about a feed that should be polled at once rather than at its next tick. */
export type DueNowListener = (guildId: string, feedId: string) => void;

export interface FeedServiceOptions {
  config?: Partial<FeedsConfig>;
  now?: () => number;
}

/**
 * The guilds' followed feeds. Every write goes through here so the in-memory schedule (when each
 * active feed is next due) stays in step with the store without scanning it again.
 */
export class FeedService {
  readonly config: FeedsConfig;
  readonly now: () => number;
  readonly #store: Store;
  /** Store key → when the feed is next due; Infinity while it is not active. */
  #schedule: Promise<Map<string, number>> | undefined;
  readonly #dueNowListeners = new Set<DueNowListener>();

  constructor(store: Store, options: FeedServiceOptions = {}) {
    this.#store = store;
    this.config = { ...DEFAULT_FEEDS_CONFIG, ...options.config };
    this.now = options.now ?? Date.now;
  }

  /** The poller listens here so a backfill or a resume is acted on at once; returns the unsubscriber. */
  onDueNow(listener: DueNowListener): () => void {
    this.#dueNowListeners.add(listener);
    return () => this.#dueNowListeners.delete(listener);
  }

  #dueNow(feed: FeedRecord): void {
    for (const listener of this.#dueNowListeners) listener(feed.guildId, feed.id);
  }

  /** Validates the URL, fetches the feed at once and follows it, or throws a UserError saying exactly why not. */
  async add(input: AddFeedInput): Promise<AddFeedResult> {
    const cannotFollow = (reason: string) => new UserError(`I couldn't follow that feed: ${reason}.`);
    let url: string;
    try {
      url = normaliseUrl(input.url, this.config.allowPrivateHosts);
    } catch (error) {
      throw cannotFollow(failureReason(error));
    }
    const id = feedIdFor(url);
    const key = feedKey(input.guildId, id);
    const duplicate = cannotFollow(`this server already follows that feed (id ${id})`);
    if (await this.#store.get(key)) throw duplicate;

    let fetched: FetchedFeed;
    let feed: Feed;
    try {
      ({ fetched, feed } = await this.#fetchNow(url));
    } catch (error) {
      throw cannotFollow(failureReason(error));
    }

    const now = this.now();
    const keywords = normaliseKeywords(input.keywords ?? []);
    const backfill = input.backfill ?? false;
    const plan = planPosts(feed.items, [], {
      firstRun: true,
      backfill,
      keywords,
      maxPosts: this.config.maxPostsPerCycle,
    });
    // A backfill item still to post must not hide behind a 304, so validators wait until it is out.
    const pending = plan.post.length > 0;
    const record: FeedRecord = {
      id,
      url,
      guildId: input.guildId,
      channelId: input.channelId,
      mentionRoleId: input.mentionRoleId,
      keywords,
      backfill,
      addedBy: input.addedBy,
      addedAt: now,
      title: feed.title || url,
      state: "active",
      etag: pending ? undefined : fetched.etag,
      lastModified: pending ? undefined : fetched.lastModified,
      lastSuccessAt: now,
      consecutiveFailures: 0,
      nextAttemptAt: pending ? now : nextSlot(url, now, this.config.intervalMs),
      itemsPosted: 0,
      seenIds: rememberSeen([], plan.skip, new Set(feed.items.map((item) => item.id))),
    };
    // The same URL may have been added while this one was fetching.
    const stored = await this.#store.update<FeedRecord>(key, (current) => current ?? record);
    if (stored !== record) throw duplicate;
    (await this.#loadSchedule()).set(key, record.nextAttemptAt);
    if (pending) this.#dueNow(record);
    return { feed: record, title: record.title, itemCount: feed.items.length, backfilling: pending };
  }

  /** Fetches and parses a feed without following it, as `add` would; for previews. */
  async preview(rawUrl: string): Promise<Feed> {
    try {
      return (await this.#fetchNow(normaliseUrl(rawUrl, this.config.allowPrivateHosts))).feed;
    } catch (error) {
      throw new UserError(`I couldn't read that feed: ${failureReason(error)}.`);
    }
  }

  async #fetchNow(url: string): Promise<{ fetched: FetchedFeed; feed: Feed }> {
    const { fetchFeed, parseFeed } = await loadFeedReader();
    const fetched = await fetchFeed(url, this.fetchOptions());
    if (fetched.status !== "ok") throw new FeedError("http", "HTTP 304");
    return { fetched, feed: parseFeed(fetched.text, fetched.url) };
  }

  get(guildId: string, feedId: string): Promise<FeedRecord | undefined> {
    return this.#store.get<FeedRecord>(feedKey(guildId, feedId));
  }

  /** The guild's feeds as stored, so one added or removed by another process shows at once. */
  async list(guildId: string): Promise<FeedRecord[]> {
    const records: FeedRecord[] = [];
    for await (const [key, record] of this.#store.entries<FeedRecord>(feedKey(guildId, "")))
      if (isFeedKey(key)) records.push(record);
    return records.sort((a, b) => a.addedAt - b.addedAt);
  }

  /** Resolves to the removed feed, or undefined if there was none. */
  async remove(guildId: string, feedId: string): Promise<FeedRecord | undefined> {
    const key = feedKey(guildId, feedId);
    const record = await this.#store.get<FeedRecord>(key);
    if (!record) return undefined;
    await this.#store.delete(key);
    (await this.#loadSchedule()).delete(key);
    return record;
  }

  pause(guildId: string, feedId: string): Promise<FeedRecord | undefined> {
    return this.update(guildId, feedId, (feed) => ({ ...feed, state: "paused" }));
  }

  /** Makes a paused or disabled feed active again, due at once, with its failure count cleared. */
  async resume(guildId: string, feedId: string): Promise<FeedRecord | undefined> {
    const resumed = await this.update(guildId, feedId, (feed) => ({
      ...feed,
      state: "active",
      consecutiveFailures: 0,
      nextAttemptAt: this.now(),
    }));
    if (resumed) this.#dueNow(resumed);
    return resumed;
  }

  /** Read-modify-write of one feed; does nothing (undefined) if the feed was removed meanwhile. */
  async update(
    guildId: string,
    feedId: string,
    change: (feed: FeedRecord) => FeedRecord,
  ): Promise<FeedRecord | undefined> {
    const key = feedKey(guildId, feedId);
    const schedule = await this.#loadSchedule();
    const updated = await this.#store.update<FeedRecord>(key, (current) => current && change(current));
    if (updated)
      schedule.set(key, updated.state === "active" ? updated.nextAttemptAt : Number.POSITIVE_INFINITY);
    return updated;
  }

  /** Active feeds due at `now` (all active feeds with `all`), soonest first, as [guildId, feedId]. */
  async due(now: number, all = false): Promise<Array<[guildId: string, feedId: string]>> {
    const schedule = await this.#loadSchedule();
    return [...schedule]
      .filter(([, next]) => next !== Number.POSITIVE_INFINITY && (all || next <= now))
      .sort((a, b) => a[1] - b[1])
      .map(([key]) => {
        const [, guildId = "", , feedId = ""] = key.split("/");
        return [guildId, feedId];
      });
  }

  fetchOptions(): FetchOptions {
    const { allowPrivateHosts, timeoutMs, maxBytes, maxRedirects } = this.config;
    return { allowPrivateHosts, timeoutMs, maxBytes, maxRedirects };
  }

  /** One scan of the store, on first use; afterwards every write here keeps the map current. */
  #loadSchedule(): Promise<Map<string, number>> {
    this.#schedule ??= (async () => {
      const schedule = new Map<string, number>();
      for await (const [key, record] of this.#store.entries<FeedRecord>(
        collectionPattern(FEEDS_COLLECTION),
      )) {
        if (!isFeedKey(key)) continue;
        schedule.set(key, record.state === "active" ? record.nextAttemptAt : Number.POSITIVE_INFINITY);
      }
      return schedule;
    })();
    return this.#schedule;
  }
}

function normaliseUrl(raw: string, allowPrivateHosts: boolean): string {
  const url = checkTarget(raw.trim(), allowPrivateHosts);
  if (url.username || url.password) {
    throw new FeedError("invalid-url", "refused: the URL must not contain a user name or password");
  }
  url.hash = "";
  return url.href;
}

function normaliseKeywords(keywords: readonly string[]): string[] {
  const unique = new Map<string, string>();
  for (const keyword of keywords) {
    const trimmed = keyword.trim();
    if (trimmed) unique.set(trimmed.toLowerCase(), trimmed);
  }
  return [...unique.values()];
}
