import type { Backend, Outcome } from "./backend.js";
import { KeyedLock } from "./keyed-lock.js";
import { openSqlite, SQLITE_PREFIX } from "./sqlite.js";

/**
 * The one persistence interface of the bot. Keys are plain strings; use {@link guildKey} so that
 * every guild's data lives under its own prefix and guilds never see each other's records.
 *
 * Every write (`set`, `delete`, `update`, `claim`) of one key runs alone, after the earlier ones, so
 * concurrent writes lose nothing. On SQLite (and `memory://`) that holds within the one process that
 * may open the file; on PostgreSQL it holds across every process sharing the database, as each write
 * is a transaction holding an advisory lock on its key. Either way `change` and the check in `claim`
 * run exactly once per call, so a caller may note in them what they saw. Reads take no lock; Keyv
 * deletes a record whose time to live is over when it is read.
 */
export interface Store {
  get<T>(key: string): Promise<T | undefined>;
  set<T>(key: string, value: T, ttlMs?: number): Promise<void>;
  /** True when there was a record to delete. */
  delete(key: string): Promise<boolean>;
  /**
   * Read-modify-write of one key, serialised with every other write of that key.
   * Return `undefined` from `change` to delete the record. Resolves to the stored value.
   */
  update<T>(key: string, change: (current: T | undefined) => T | undefined): Promise<T | undefined>;
  /**
   * Saves `value` only if `key` holds no record (or only an expired one); true for the one caller that
   * saved it. Something that must happen once, in whichever process gets there first, claims its key
   * first; with `ttlMs` the claim lapses, so another caller may take over after a crash.
   */
  claim<T>(key: string, value: T, ttlMs?: number): Promise<boolean>;
  /**
   * Every record whose key starts with `pattern`, where a `*` stands for any one key segment (no `/`),
   * so {@link collectionPattern} lists one collection of every guild. Keys are filtered before values
   * are read. Scans the store: for start-up and index rebuilds only.
   */
  entries<T>(pattern: string): AsyncIterable<[key: string, value: T]>;
  close(): Promise<void>;
}

export const guildKey = (guildId: string, collection: string, id = ""): string =>
  `guild/${guildId}/${collection}/${id}`;

/** The {@link Store.entries} pattern for one collection's records in every guild. */
export const collectionPattern = (collection: string): string => guildKey("*", collection);

export interface StoreOptions {
  /**
   * `sqlite://path/to/file.sqlite`; `postgres://user:password@host:port/database` (or `postgresql://`),
   * with `?schema=name` for a schema other than `public` and pg's own parameters such as `sslmode`;
   * or `memory://` for a store that lives only in this process.
   */
  url: string;
  onError?: (error: unknown) => void;
  /** Rows read per query when {@link Store.entries} scans a SQLite or PostgreSQL store. */
  scanPageSize?: number;
}

export async function createStore({ url, onError, scanPageSize = 5_000 }: StoreOptions): Promise<Store> {
  const options = { onError, scanPageSize };
  if (url === "memory://" || url.startsWith(SQLITE_PREFIX))
    return new KeyvStore(await openSqlite(url, options));
  if (/^postgres(ql)?:\/\//.test(url)) {
    // Loaded only when used: pg costs a SQLite bot some 30 ms at start-up.
    const { openPostgres } = await import("./postgres.js");
    return new KeyvStore(await openPostgres(url, options));
  }
  throw new Error(
    `DATABASE_URL must start with sqlite://, postgres:// or postgresql:// (or be memory://), got "${url.split(":")[0]}:..."`,
  );
}

/**
 * `pattern` (see {@link Store.entries}) as a SQL LIKE pattern, which is case-blind and lets `%`
 * span segments, so it may match more, and as the exact test.
 */
export function keyPattern(pattern: string): { like: string; key: RegExp; start: string } {
  const parts = pattern.split("*");
  return {
    start: parts[0] ?? "",
    like: `${parts.map((part) => part.replace(/[\\%_]/g, "\\$&")).join("%")}%`,
    key: new RegExp(`^${parts.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("[^/]+")}`),
  };
}

class KeyvStore implements Store {
  readonly #backend: Backend;
  readonly #lock = new KeyedLock();

  constructor(backend: Backend) {
    this.#backend = backend;
  }

  async get<T>(key: string): Promise<T | undefined> {
    return (await this.#backend.keyv.get<T>(key)) ?? undefined;
  }

  set<T>(key: string, value: T, ttlMs?: number): Promise<void> {
    return this.#lock.run(key, () => this.#backend.save(key, value, ttlMs));
  }

  async delete(key: string): Promise<boolean> {
    let existed = false;
    await this.#write(key, (current) => {
      existed = current !== undefined;
      return { kind: "delete" };
    });
    return existed;
  }

  async update<T>(key: string, change: (current: T | undefined) => T | undefined): Promise<T | undefined> {
    let next: T | undefined;
    await this.#write<T>(key, (current) => {
      next = change(current);
      return next === undefined ? { kind: "delete" } : { kind: "save", value: next };
    });
    return next;
  }

  async claim<T>(key: string, value: T, ttlMs?: number): Promise<boolean> {
    let claimed = false;
    await this.#write<T>(key, (current) => {
      claimed = current === undefined;
      return claimed ? { kind: "save", value, ttlMs } : { kind: "keep" };
    });
    return claimed;
  }

  async *entries<T>(pattern: string): AsyncIterable<[string, T]> {
    const { like, key: matches, start } = keyPattern(pattern);
    const { keyv, scan } = this.#backend;
    const records = scan
      ? keyv.generateIterator(() => scan(like, matches, start))(undefined)
      : keyv.iterator?.(undefined);
    if (!records) throw new Error("This store cannot list its records");
    for await (const [key, value] of records) {
      if (typeof key === "string" && matches.test(key) && value !== undefined) yield [key, value as T];
    }
  }

  close(): Promise<void> {
    return this.#backend.close();
  }

  /** The in-process lock keeps this process's writes of a key in arrival order; the backend does the rest. */
  #write<T>(key: string, decide: (current: T | undefined) => Outcome<T>): Promise<void> {
    return this.#lock.run(key, () => this.#backend.write(key, decide));
  }
}
