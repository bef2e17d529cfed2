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
  /** Every record whose key starts with `prefix`. Scans the store: for start-up and index rebuilds only. */
  entries<T>(prefix: string): AsyncIterable<[key: string, value: T]>;
  close(): Promise<void>;
}

export const guildKey = (guildId: string, collection: string, id = ""): string =>
  `guild/${guildId}/${collection}/${id}`;

export interface StoreOptions {
  /** `sqlite://path/to/file.sqlite`, or `memory://` for a store that lives only in this process. */
  url: string;
  onError?: (error: unknown) => void;
}

const SQLITE_PREFIX = "sqlite://";

export async function createStore({ url, onError }: StoreOptions): Promise<Store> {
  let keyv: Keyv;
  if (url === "memory://") {
    keyv = new Keyv({ namespace: "rd" });
  } else if (url.startsWith(SQLITE_PREFIX)) {
    const file = url.slice(SQLITE_PREFIX.length);
    if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
    // The adapter pages its scan with OFFSET, re-reading from the start each page: big pages keep
    // the start-up scan to a few queries.
    const adapter = new KeyvSqlite({ uri: url, busyTimeout: 10_000, iterationLimit: 10_000 });
    // WAL lets readers run beside the writer and makes each small write far cheaper than a full sync.
    await adapter.query("PRAGMA journal_mode=WAL");
    await adapter.query("PRAGMA synchronous=NORMAL");
    // Records are plain JSON, so plain JSON.parse (Keyv's default reviver, for Buffers and the like,
    // is most of the cost of loading 100,000 records).
    keyv = new Keyv({ store: adapter, namespace: "rd", serialize: JSON.stringify, deserialize: JSON.parse });
  } else {
    throw new Error(
      `DATABASE_URL must start with sqlite:// (or be memory://), got "${url.split(":")[0]}:..."`,
    );
  }
  // Keyv re-emits adapter errors; without a listener Node would treat them as fatal.
  keyv.on("error", (error: unknown) => onError?.(error));
  return new KeyvStore(keyv);
}

class KeyvStore implements Store {
  readonly #keyv: Keyv;
  readonly #lock = new KeyedLock();

  constructor(keyv: Keyv) {
    this.#keyv = keyv;
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

  async *entries<T>(prefix: string): AsyncIterable<[string, T]> {
    if (!this.#keyv.iterator) throw new Error("This store cannot list its records");
    for await (const [key, value] of this.#keyv.iterator(undefined)) {
      if (typeof key === "string" && key.startsWith(prefix) && value !== undefined) yield [key, value as T];
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
