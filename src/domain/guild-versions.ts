import { randomBytes } from "node:crypto";
import { collectionPattern, guildKey, type Store } from "../store/store.js";

/** A service that keeps some collections of each guild in memory, loaded one guild at a time. */
export interface GuildView {
  /** The store collections it keeps; a write to one of them marks the guild changed. */
  readonly collections: readonly string[];
  /** Replaces what it holds about the guild with what the store holds now. */
  load(guildId: string): Promise<unknown>;
}

interface VersionRecord {
  stamp: string;
}

const VERSION_COLLECTION = "version";
const KEY = /^guild\/([^/]+)\/([^/]+)\//;
/** What a guild whose views were never written to counts as. */
const NEVER_CHANGED = "";

/**
 * Keeps each process's in-memory views of a guild in step with the store, which several processes
 * may share. Every write to a collection a view keeps is followed by a new random stamp in the
 * guild's version record; {@link sync} reads that record (one get) and reloads the guild's views
 * when the stamp differs from the one it loaded. A guild is loaded on its first sync, never before.
 */
export class GuildVersions {
  readonly #store: Store;
  readonly #views: GuildView[] = [];
  readonly #collections = new Set<string>();
  /** The stamp each loaded guild was read at. */
  readonly #loaded = new Map<string, string>();
  /** The reload under way in each guild, and the stamp it will record. */
  readonly #reloads = new Map<string, { stamp: string; done: Promise<void> }>();
  /** The store the views write through: it stamps a guild after each write to a kept collection. */
  readonly store: Store;

  constructor(store: Store) {
    this.#store = store;
    this.store = stampingStore(store, (key) => this.#changedGuild(key));
  }

  /** Views must be added before anything writes through {@link store}. */
  add(...views: GuildView[]): void {
    for (const view of views) {
      this.#views.push(view);
      for (const collection of view.collections) this.#collections.add(collection);
    }
  }

  /**
   * Makes every view's data about the guild current: loads it the first time, and again whenever
   * anything (this process or another) wrote to it since. Call before reading a guild's views.
   */
  async sync(guildId: string): Promise<void> {
    // Read before any reload: a write that lands during the reload changes the stamp again.
    const stamp = (await this.#store.get<VersionRecord>(versionKey(guildId)))?.stamp ?? NEVER_CHANGED;
    if (this.#loaded.get(guildId) === stamp) return;
    const running = this.#reloads.get(guildId);
    if (running?.stamp === stamp) return running.done;
    const previous = running?.done.catch(() => undefined) ?? Promise.resolve();
    const done = previous.then(async () => {
      if (this.#loaded.get(guildId) === stamp) return;
      await Promise.all(this.#views.map((view) => view.load(guildId)));
      this.#loaded.set(guildId, stamp);
    });
    const reload = { stamp, done };
    this.#reloads.set(guildId, reload);
    try {
      await done;
    } finally {
      if (this.#reloads.get(guildId) === reload) this.#reloads.delete(guildId);
    }
  }

  /** Whether this process has loaded the guild's views (for tests and logs). */
  isLoaded(guildId: string): boolean {
    return this.#loaded.has(guildId);
  }

  /** How many guilds this process has loaded. */
  loadedCount(): number {
    return this.#loaded.size;
  }

  /** The guild a write to `key` changes a view of, if any. */
  #changedGuild(key: string): string | undefined {
    const [, guildId, collection] = KEY.exec(key) ?? [];
    return guildId !== undefined && collection !== undefined && this.#collections.has(collection)
      ? guildId
      : undefined;
  }
}

const versionKey = (guildId: string): string => guildKey(guildId, VERSION_COLLECTION);

/**
 * `store`, with a new stamp saved in the guild's version record after each write that changed a
 * record of a kept collection (one that returned the record unchanged, or deleted nothing, does not).
 * The stamp is random rather than counted, so two processes writing at once need no read-modify-write
 * of it: whichever lands last differs from every stamp read before it.
 */
function stampingStore(store: Store, guildOf: (key: string) => string | undefined): Store {
  const stamp = async (key: string): Promise<void> => {
    const guildId = guildOf(key);
    if (guildId !== undefined)
      await store.set<VersionRecord>(versionKey(guildId), { stamp: randomBytes(8).toString("hex") });
  };
  return {
    get: <T>(key: string) => store.get<T>(key),
    entries: <T>(pattern: string) => store.entries<T>(pattern),
    close: () => store.close(),
    async set<T>(key: string, value: T, ttlMs?: number) {
      await store.set(key, value, ttlMs);
      await stamp(key);
    },
    async delete(key: string) {
      const existed = await store.delete(key);
      if (existed) await stamp(key);
      return existed;
    },
    async claim<T>(key: string, value: T, ttlMs?: number) {
      const won = await store.claim(key, value, ttlMs);
      if (won) await stamp(key);
      return won;
    },
    async update<T>(key: string, change: (current: T | undefined) => T | undefined) {
      let same = false;
      const saved = await store.update<T>(key, (current) => {
        const next = change(current);
        same = next === current;
        return next;
      });
      if (!same) await stamp(key);
      return saved;
    },
  };
}

/** The pattern for one collection's records in one guild, or in every guild without `guildId`. */
export const collectionOf = (collection: string, guildId?: string): string =>
  guildId === undefined ? collectionPattern(collection) : guildKey(guildId, collection);

/** Drops one guild's records from `map` (every record without `guildId`), before loading it again. */
export function forgetGuild<V extends { guildId: string }>(map: Map<string, V>, guildId?: string): void {
  for (const [key, record] of map) if (guildId === undefined || record.guildId === guildId) map.delete(key);
}
