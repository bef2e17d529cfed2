import { DAY_MS } from "../time.js";
import { itemNonce, planPosts, rememberSeen } from "./dedupe.js";
import { FeedError, failureReason } from "./errors.js";

/** A site asking for a longer pause than this is tried again after this anyway. */
const MAX_RETRY_AFTER_MS = DAY_MS;

import type { FetchResult } from "./fetch.js";
import type { FeedItem } from "./parse.js";
import { loadFeedReader } from "./reader.js";
import { backoffDelay, type FeedRecord, nextSlot } from "./records.js";
import type { FeedService } from "./service.js";

/** Delivers one item; resolves once Discord accepted it, throws otherwise (it is retried later). */
export type PostItem = (feed: FeedRecord, item: FeedItem, nonce: string) => Promise<void>;

export interface PollResult {
  feed: FeedRecord;
  outcome: "not-modified" | "updated" | "failed";
  posted: number;
  error?: string;
  durationMs: number;
}

export interface FeedPollerOptions {
  post: PostItem;
  /** Called once when a feed is disabled after too many failures in a row. */
  onFeedDisabled?: (feed: FeedRecord, reason: string) => void | Promise<void>;
  /** Called after every feed is polled, e.g. for logs or metrics. */
  onPolled?: (result: PollResult) => void;
  /** Errors of the poller itself (the store, a callback), which never stop it. */
  onError?: (error: unknown) => void;
  /** Whether this process serves the guild (with several shards, only its own guilds' feeds are polled). */
  servesGuild?: (guildId: string) => boolean;
  now?: () => number;
}

export class FeedPoller {
  readonly #service: FeedService;
  readonly #options: FeedPollerOptions;
  readonly #now: () => number;
  readonly #inFlight = new Set<string>();
  readonly #runs = new Set<Promise<unknown>>();
  #timer: NodeJS.Timeout | undefined;
  #stopListening: (() => void) | undefined;
  #running = false;
  #stopping = false;

  constructor(service: FeedService, options: FeedPollerOptions) {
    this.#service = service;
    this.#options = options;
    this.#now = options.now ?? service.now;
  }

  /**
   * Polls due feeds now and then every tick until {@link stop}; a feed just added with a backfill,
   * or just resumed, is polled at once rather than at the next tick.
   */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#stopListening = this.#service.onDueNow((guildId, feedId) => {
      this.#track(this.#pollAll([[guildId, feedId]])).catch((error) => this.#options.onError?.(error));
    });
    const tickMs = Math.min(this.#service.config.tickMs, this.#service.config.intervalMs);
    const tick = () => {
      this.#timer = undefined;
      void this.pollDue()
        .catch((error) => this.#options.onError?.(error))
        .finally(() => {
          if (this.#running) this.#timer = setTimeout(tick, tickMs);
        });
    };
    tick();
  }

  /** Stops the timer and waits for feeds being polled; no feed is started after this is called. */
  async stop(): Promise<void> {
    this.#running = false;
    this.#stopListening?.();
    this.#stopListening = undefined;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#stopping = true;
    while (this.#runs.size > 0) await Promise.allSettled([...this.#runs]);
    this.#stopping = false;
  }

  /** Polls every active feed whose next attempt is due at `now`. */
  pollDue(now = this.#now()): Promise<PollResult[]> {
    return this.#track(this.#service.due(now).then((feeds) => this.#pollAll(feeds)));
  }

  /** Polls every active feed at once, whatever its schedule (benchmarks, tests, a manual refresh). */
  runCycle(): Promise<PollResult[]> {
    return this.#track(this.#service.due(this.#now(), true).then((feeds) => this.#pollAll(feeds)));
  }

  #track<T>(run: Promise<T>): Promise<T> {
    this.#runs.add(run);
    void run.finally(() => this.#runs.delete(run)).catch(() => undefined);
    return run;
  }

  /** At most `concurrency` feeds at a time; a feed already being polled is left alone. */
  async #pollAll(feeds: Array<[string, string]>): Promise<PollResult[]> {
    const serves = this.#options.servesGuild ?? (() => true);
    const queue = feeds.filter(
      ([guildId, feedId]) => serves(guildId) && !this.#inFlight.has(`${guildId}/${feedId}`),
    );
    const results: PollResult[] = [];
    const worker = async () => {
      for (let next = queue.shift(); next && !this.#stopping; next = queue.shift()) {
        const flightKey = next.join("/");
        this.#inFlight.add(flightKey);
        try {
          const result = await this.#pollOne(...next);
          if (result) results.push(result);
        } catch (error) {
          this.#options.onError?.(error);
        } finally {
          this.#inFlight.delete(flightKey);
        }
      }
    };
    await Promise.all(Array.from({ length: this.#service.config.concurrency }, worker));
    return results;
  }

  async #pollOne(guildId: string, feedId: string): Promise<PollResult | undefined> {
    const feed = await this.#service.get(guildId, feedId);
    if (feed?.state !== "active") return undefined;
    const started = performance.now();
    const finish = (
      outcome: PollResult["outcome"],
      record: FeedRecord | undefined,
      posted: number,
      error?: string,
    ): PollResult => {
      const result = {
        feed: record ?? feed,
        outcome,
        posted,
        error,
        durationMs: performance.now() - started,
      };
      this.#options.onPolled?.(result);
      return result;
    };

    const { fetchFeed, parseFeed } = await loadFeedReader();
    let fetched: FetchResult;
    let items: FeedItem[];
    try {
      fetched = await fetchFeed(feed.url, {
        ...this.#service.fetchOptions(),
        etag: feed.etag,
        lastModified: feed.lastModified,
      });
      if (fetched.status === "not-modified") {
        return finish("not-modified", await this.#succeed(feed, {}), 0);
      }
      items = parseFeed(fetched.text, fetched.url).items;
    } catch (error) {
      const reason = failureReason(error);
      const retryAfterMs = error instanceof FeedError ? error.retryAfterMs : undefined;
      return finish("failed", await this.#fail(feed, reason, { retryAfterMs }), 0, reason);
    }

    const { config } = this.#service;
    const plan = planPosts(items, feed.seenIds, {
      firstRun: false,
      backfill: feed.backfill,
      keywords: feed.keywords,
      maxPosts: config.maxPostsPerCycle,
    });
    const current = new Set(items.map((item) => item.id));
    let posted = 0;
    for (const item of plan.post) {
      // A moderator may pause or remove the feed while its items go out.
      const latest = await this.#service.get(guildId, feedId);
      if (latest?.state !== "active") return finish("updated", latest, posted);
      // Another process polling this feed at the same time (while shards change hands) posted it.
      if (latest.seenIds.includes(item.id)) continue;
      try {
        await this.#options.post(latest, item, itemNonce(guildId, feedId, item.id));
      } catch (error) {
        const reason = `could not post: ${error instanceof Error ? error.message : String(error)}`;
        return finish("failed", await this.#fail(feed, reason, { skip: plan.skip, current }), posted, reason);
      }
      // Only now, after Discord accepted it; a crash before this line re-posts with the same nonce.
      await this.#service.update(guildId, feedId, (record) => ({
        ...record,
        seenIds: rememberSeen(record.seenIds, [item.id], current),
        // A post another process made too was dropped by Discord (same nonce): counted once.
        itemsPosted: record.itemsPosted + (record.seenIds.includes(item.id) ? 0 : 1),
      }));
      posted++;
    }
    // New validators only once every item is dealt with, or a 304 would hide the rest; the old ones
    // stay, as the server's content no longer matches them.
    const validators = plan.overflow ? {} : { etag: fetched.etag, lastModified: fetched.lastModified };
    return finish("updated", await this.#succeed(feed, validators, plan.skip, current), posted);
  }

  #succeed(
    feed: FeedRecord,
    validators: Pick<FeedRecord, "etag" | "lastModified">,
    skip: string[] = [],
    current = new Set<string>(),
  ): Promise<FeedRecord | undefined> {
    const now = this.#now();
    return this.#service.update(feed.guildId, feed.id, (record) => ({
      ...record,
      ...validators,
      seenIds: skip.length > 0 ? rememberSeen(record.seenIds, skip, current) : record.seenIds,
      consecutiveFailures: 0,
      lastSuccessAt: now,
      nextAttemptAt: nextSlot(record.url, now, this.#service.config.intervalMs),
    }));
  }

  async #fail(
    feed: FeedRecord,
    reason: string,
    {
      skip = [],
      current = new Set<string>(),
      retryAfterMs = 0,
    }: {
      /** Items the plan skipped (filtered out), remembered as seen all the same. */
      skip?: string[];
      current?: Set<string>;
      /** The site's `Retry-After`: waited for when longer than the backoff, up to a day. */
      retryAfterMs?: number;
    } = {},
  ): Promise<FeedRecord | undefined> {
    const now = this.#now();
    const { intervalMs, maxBackoffMs, maxFailures } = this.#service.config;
    const updated = await this.#service.update(feed.guildId, feed.id, (record) => {
      const failures = record.consecutiveFailures + 1;
      return {
        ...record,
        seenIds: skip.length > 0 ? rememberSeen(record.seenIds, skip, current) : record.seenIds,
        consecutiveFailures: failures,
        lastError: reason,
        lastErrorAt: now,
        state: failures >= maxFailures ? "disabled" : record.state,
        nextAttemptAt:
          now +
          Math.max(
            backoffDelay(failures, intervalMs, maxBackoffMs),
            Math.min(retryAfterMs, MAX_RETRY_AFTER_MS),
          ),
      };
    });
    if (updated?.state === "disabled" && feed.state !== "disabled") {
      try {
        await this.#options.onFeedDisabled?.(updated, reason);
      } catch (error) {
        this.#options.onError?.(error);
      }
    }
    return updated;
  }
}
