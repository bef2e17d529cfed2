import { randomBytes } from "node:crypto";
import { collectionPattern, guildKey, type Store } from "../store/store.js";

/** A service that keeps some collections of each guild in memory, loaded one guild at a time. */
export interface GuildView {
  /** The store collections it keeps (the first names it); a write to one marks the view changed. */
  readonly collections: readonly string[];
  /** Replaces what it holds about the guild with what the store holds now. */
  load(guildId: string): Promise<unknown>;
}

/** A guild's version record: each view's latest stamp, by view name. */
type VersionRecord = Record<string, string>;

const VERSION_COLLECTION = "version";
const KEY = /^guild\/([^/]+)\/([^/]+)\//;
/** What a guild whose views were never written to counts as. */
const NEVER_CHANGED = "";

/**
 * Keeps each process's in-memory views of a guild in step with the store, which several processes
 * may share. Every write to a collection a view keeps is followed by a new random stamp for that
 * view in the guild's version record; {@link sync} reads that record (one get) and reloads each
 * view whose stamp differs from the one it loaded. A guild is loaded on its
 * first sync, never before. Stamps are random, so no two writes ever leave the same one.
 */
export class GuildVersions {
  readonly #store: Store;
  readonly #views: GuildView[] = [];
  /** Each kept collection's view. */
  readonly #viewOf = new Map<string, GuildView>();
  /** The stamp each view of each loaded guild was read at, by `guildId/view`. */
  readonly #loaded = new Map<string, string>();
  /** The reload under way of each view of each guild, and the stamp it will record. */
  readonly #reloads = new Map<string, { stamp: string; done: Promise<void> }>();
  /** How many reloads of each view of each guild have started, so a write can tell one ran meanwhile. */
  readonly #reloadsStarted = new Map<string, number>();
  readonly #guilds = new Set<string>();
  /** The store the views write through: it stamps a view of a guild after each write to it. */
  readonly store: Store;

  constructor(store: Store) {
    this.#store = store;
    this.store = stampingStore(store, {
      begin: (key) => this.#begin(key),
      finish: (write) => this.#stamp(write),
    });
  }

  /** Views must be added before anything writes through {@link store}. */
  add(...views: GuildView[]): void {
    for (const view of views) {
      this.#views.push(view);
      for (const collection of view.collections) this.#viewOf.set(collection, view);
    }
  }

  /**
   * Makes every view's data about the guild current: loads it the first time, and again whenever
   * anything (this process or another) wrote to it since. Call before reading a guild's views.
   */
  async sync(guildId: string): Promise<void> {
    // Read before any reload: a write that lands during the reload changes the stamp again.
    const stamps = (await this.#store.get<VersionRecord>(versionKey(guildId))) ?? {};
    await Promise.all(
      this.#views.map((view) => this.#syncView(guildId, view, stamps[nameOf(view)] ?? NEVER_CHANGED)),
    );
    this.#guilds.add(guildId);
  }

  /** Whether this process has loaded the guild's views (for tests and logs). */
  isLoaded(guildId: string): boolean {
    return this.#guilds.has(guildId);
  }

  /** How many guilds this process has loaded. */
  loadedCount(): number {
    return this.#guilds.size;
  }

  async #syncView(guildId: string, view: GuildView, stamp: string): Promise<void> {
    const key = viewKey(guildId, nameOf(view));
    if (this.#loaded.get(key) === stamp) return;
    const running = this.#reloads.get(key);
    if (running?.stamp === stamp) return running.done;
    const previous = running?.done.catch(() => undefined) ?? Promise.resolve();
    const done = previous.then(async () => {
      if (this.#loaded.get(key) === stamp) return;
      this.#reloadsStarted.set(key, (this.#reloadsStarted.get(key) ?? 0) + 1);
      await view.load(guildId);
      this.#loaded.set(key, stamp);
    });
    const reload = { stamp, done };
    this.#reloads.set(key, reload);
    try {
      await done;
    } finally {
      if (this.#reloads.get(key) === reload) this.#reloads.delete(key);
    }
  }

  /** Before a write to `key`: the view of a guild it changes, if it is a record a view keeps. */
  #begin(key: string): PendingWrite | undefined {
    const [, guildId, collection] = KEY.exec(key) ?? [];
    const view = collection === undefined ? undefined : this.#viewOf.get(collection);
    if (guildId === undefined || !view) return undefined;
    const name = nameOf(view);
    return { guildId, view: name, reloadsStarted: this.#reloadsStarted.get(viewKey(guildId, name)) ?? 0 };
  }

  /**
   * After the write: a new stamp. This process's view has the write already (each service applies
   * its own writes to memory), so when the stamp it replaced is the one this process loaded, and no
   * reload ran meanwhile (one could have read the record before the write and put it back), the new
   * stamp is current here and the next sync reloads nothing. That relies on Store.update being
   * serialised with every other update of the key, in every process sharing the store.
   */
  async #stamp({ guildId, view, reloadsStarted }: PendingWrite): Promise<void> {
    const stamp = randomBytes(8).toString("hex");
    let replaced = NEVER_CHANGED;
    await this.#store.update<VersionRecord>(versionKey(guildId), (current) => {
      replaced = current?.[view] ?? NEVER_CHANGED;
      return { ...current, [view]: stamp };
    });
    const key = viewKey(guildId, view);
    const current =
      this.#loaded.get(key) === replaced &&
      !this.#reloads.has(key) &&
      (this.#reloadsStarted.get(key) ?? 0) === reloadsStarted;
    if (current) this.#loaded.set(key, stamp);
  }
}

interface PendingWrite {
  guildId: string;
  view: string;
  reloadsStarted: number;
}

/** A view is named by the first collection it keeps. */
const nameOf = (view: GuildView): string => view.collections[0] ?? "";
const versionKey = (guildId: string): string => guildKey(guildId, VERSION_COLLECTION);
/** Where this process keeps what it knows of one view of one guild. */
const viewKey = (guildId: string, view: string): string => `${guildId}/${view}`;

/**
 * `store`, calling `stamps.finish` after each write that changed a record of a kept collection (one
 * that returned the record unchanged, or deleted nothing, does not).
 */
function stampingStore(
  store: Store,
  stamps: {
    begin(key: string): PendingWrite | undefined;
    finish(write: PendingWrite): Promise<void>;
  },
): Store {
  return {
    get: <T>(key: string) => store.get<T>(key),
    entries: <T>(pattern: string) => store.entries<T>(pattern),
    close: () => store.close(),
    async set<T>(key: string, value: T, ttlMs?: number) {
      const write = stamps.begin(key);
      await store.set(key, value, ttlMs);
      if (write) await stamps.finish(write);
    },
    async delete(key: string) {
      const write = stamps.begin(key);
      const existed = await store.delete(key);
      if (write && existed) await stamps.finish(write);
      return existed;
    },
    async claim<T>(key: string, value: T, ttlMs?: number) {
      const write = stamps.begin(key);
      const won = await store.claim(key, value, ttlMs);
      if (write && won) await stamps.finish(write);
      return won;
    },
    async update<T>(key: string, change: (current: T | undefined) => T | undefined) {
      const write = stamps.begin(key);
      let same = false;
      const saved = await store.update<T>(key, (current) => {
        const next = change(current);
        same = next === current;
        return next;
      });
      if (write && !same) await stamps.finish(write);
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
