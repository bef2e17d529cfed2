import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import KeyvSqlite from "@keyv/sqlite";
import Keyv from "keyv";
import { KeyedLock } from "./keyed-lock.js";

/**
 * The one persistence interface of the bot. Keys are plain strings; use {@link guildKey} so that
 * every guild's data lives under its own prefix and guilds never see each other's records.
 */
export interface Store {
  get<T>(key: string): Promise<T | undefined>;
  set<T>(key: string, value: T, ttlMs?: number): Promise<void>;
  delete(key: string): Promise<boolean>;
  /**
   * Read-modify-write of one key, serialised with every other `update` of that key.
   * Return `undefined` from `change` to delete the record. Resolves to the stored value.
   */
  update<T>(key: string, change: (current: T | undefined) => T | undefined): Promise<T | undefined>;
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
  /** `sqlite://path/to/file.sqlite`, or `memory://` for a store that lives only in this process. */
  url: string;
  onError?: (error: unknown) => void;
  /** Rows read per query when {@link Store.entries} scans a SQLite store. */
  scanPageSize?: number;
}

const SQLITE_PREFIX = "sqlite://";
const NAMESPACE = "rd";

export async function createStore({ url, onError, scanPageSize = 5_000 }: StoreOptions): Promise<Store> {
  let keyv: Keyv;
  let scan: RowScan | undefined;
  if (url === "memory://") {
    keyv = new Keyv({ namespace: NAMESPACE });
  } else if (url.startsWith(SQLITE_PREFIX)) {
    const file = url.slice(SQLITE_PREFIX.length);
    if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
    const adapter = new KeyvSqlite({ uri: url, busyTimeout: 10_000 });
    // WAL lets readers run beside the writer and makes each small write far cheaper than a full sync.
    await adapter.query("PRAGMA journal_mode=WAL");
    await adapter.query("PRAGMA synchronous=NORMAL");
    // Records are plain JSON, so plain JSON.parse (Keyv's default reviver, for Buffers and the like,
    // is most of the cost of loading 100,000 records).
    keyv = new Keyv({
      store: adapter,
      namespace: NAMESPACE,
      serialize: JSON.stringify,
      deserialize: JSON.parse,
    });
    scan = sqliteScan(adapter, scanPageSize);
  } else {
    throw new Error(
      `DATABASE_URL must start with sqlite:// (or be memory://), got "${url.split(":")[0]}:..."`,
    );
  }
  // Keyv re-emits adapter errors; without a listener Node would treat them as fatal.
  keyv.on("error", (error: unknown) => onError?.(error));
  return new KeyvStore(keyv, scan);
}

/** Raw rows (stored key, serialised value) whose key matches a LIKE pattern and then a regular expression. */
type RowScan = (like: string, key: RegExp, start: string) => AsyncGenerator<[string, string]>;

/**
 * The adapter's own iterator lists the whole namespace, paging with OFFSET, and Keyv then parses
 * every value: at start-up each feature would read every record of every other. This pages by key
 * instead and drops other keys before a value is parsed; Keyv still parses and expires the rest.
 */
function sqliteScan(adapter: KeyvSqlite, pageSize: number): RowScan {
  const table = adapter.opts.table ?? "keyv";
  // The bounds keep the scan to the keys that share the pattern's literal start (one guild's
  // collection, say), which the primary key finds without reading the rest of the table.
  const select = `SELECT key, value FROM ${table} WHERE key > ? AND key < ? AND key LIKE ? ESCAPE '\\' ORDER BY key LIMIT ?`;
  const stored = `${NAMESPACE}:`;
  return async function* (like, key, start) {
    const { after: from, before } = keyRange(stored + start);
    let after = from;
    for (;;) {
      const rows = (await adapter.query(select, after, before, stored + like, pageSize)) as Row[];
      for (const row of rows) if (key.test(row.key.slice(stored.length))) yield [row.key, row.value];
      const last = rows.at(-1);
      if (!last || rows.length < pageSize) return;
      after = last.key;
    }
  };
}

/**
 * Exclusive bounds around every key that starts with `start`: just below it (its last character
 * stepped down) and just above (stepped up). Keys compare as bytes, and `start` is never empty.
 */
function keyRange(start: string): { after: string; before: string } {
  const head = start.slice(0, -1);
  const last = start.charCodeAt(start.length - 1);
  return { after: head + String.fromCharCode(last - 1), before: head + String.fromCharCode(last + 1) };
}

interface Row {
  key: string;
  value: string;
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
  readonly #keyv: Keyv;
  readonly #scan: RowScan | undefined;
  readonly #lock = new KeyedLock();

  constructor(keyv: Keyv, scan?: RowScan) {
    this.#keyv = keyv;
    this.#scan = scan;
  }

  async get<T>(key: string): Promise<T | undefined> {
    return (await this.#keyv.get<T>(key)) ?? undefined;
  }

  set<T>(key: string, value: T, ttlMs?: number): Promise<void> {
    return this.#lock.run(key, () => this.#write(key, value, ttlMs));
  }

  delete(key: string): Promise<boolean> {
    return this.#lock.run(key, () => this.#keyv.delete(key));
  }

  update<T>(key: string, change: (current: T | undefined) => T | undefined): Promise<T | undefined> {
    return this.#lock.run(key, async () => {
      const next = change(await this.get<T>(key));
      if (next === undefined) await this.#keyv.delete(key);
      else await this.#write(key, next);
      return next;
    });
  }

  async *entries<T>(pattern: string): AsyncIterable<[string, T]> {
    const { like, key: matches, start } = keyPattern(pattern);
    const scan = this.#scan;
    const records = scan
      ? this.#keyv.generateIterator(() => scan(like, matches, start))(undefined)
      : this.#keyv.iterator?.(undefined);
    if (!records) throw new Error("This store cannot list its records");
    for await (const [key, value] of records) {
      if (typeof key === "string" && matches.test(key) && value !== undefined) yield [key, value as T];
    }
  }

  close(): Promise<void> {
    return this.#keyv.disconnect();
  }

  async #write<T>(key: string, value: T, ttlMs?: number): Promise<void> {
    const ok = await this.#keyv.set(key, value, ttlMs);
    if (!ok) throw new Error(`The store refused to save ${key}`);
  }
}
