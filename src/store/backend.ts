import Keyv from "keyv";

/** Keyv's namespace: every stored key starts with `rd:`. */
export const NAMESPACE = "rd";

/**
 * Raw rows (stored key, serialised value) whose key matches a LIKE pattern and then a regular
 * expression; `start` is the pattern's literal beginning, which every such key shares.
 */
export type RowScan = (like: string, key: RegExp, start: string) => AsyncGenerator<[string, string]>;

/** What a write does with the one record it read: leave it, save a value (with a time to live), or delete it. */
export type Outcome<T> = { kind: "keep" } | { kind: "save"; value: T; ttlMs?: number } | { kind: "delete" };

/**
 * One database behind the store. `write` reads one record, asks `decide` what to do and does it, as one
 * step as far as this backend can make it so; `save` is such a write that needs no read. The store's
 * per-key lock orders the calls within one process. `scan` pages through stored rows by key; without
 * it the adapter's own iterator lists them.
 */
export interface Backend {
  keyv: Keyv;
  scan?: RowScan;
  write<T>(key: string, decide: (current: T | undefined) => Outcome<T>): Promise<void>;
  save(key: string, value: unknown, ttlMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** The record as Keyv stores it, the same on every backend. */
export const serialise = (value: unknown, ttlMs?: number): string =>
  JSON.stringify({ value, expires: ttlMs ? Date.now() + ttlMs : undefined });

/** A stored record's value, or undefined once it has expired. */
export function deserialise<T>(raw: string): T | undefined {
  const record = JSON.parse(raw) as { value: T; expires?: number | null };
  return typeof record.expires === "number" && Date.now() > record.expires ? undefined : record.value;
}

/**
 * Rows (stored key, serialised value) after `after` in key order whose key is LIKE `like`, at most
 * `limit`; all of them start with `start`, which a backend may use to narrow the search.
 */
export type PageQuery = (after: string, like: string, limit: number, start: string) => Promise<Row[]>;

export interface Row {
  key: string;
  value: string;
}

/**
 * The adapters' own iterators list the whole namespace, and Keyv then parses every value: at start-up
 * each feature would read every record of every other. This pages by key instead and drops other
 * keys before a value is parsed; Keyv still parses and expires the rest.
 */
export function pagedScan(page: PageQuery, pageSize: number): RowScan {
  const stored = `${NAMESPACE}:`;
  return async function* (like, key, start) {
    let after = "";
    for (;;) {
      const rows = await page(after, stored + like, pageSize, stored + start);
      for (const row of rows) if (key.test(row.key.slice(stored.length))) yield [row.key, row.value];
      const last = rows.at(-1);
      if (!last || rows.length < pageSize) return;
      after = last.key;
    }
  };
}

/** A Keyv whose errors reach `onError`: Keyv re-emits adapter errors, and unheard they would be fatal. */
export function listenedKeyv(
  options: ConstructorParameters<typeof Keyv>[0],
  onError?: (error: unknown) => void,
) {
  const keyv = new Keyv(options);
  keyv.on("error", (error: unknown) => onError?.(error));
  return keyv;
}

/**
 * Keyv's options for every backend. Records are plain JSON, so plain JSON.parse (Keyv's default reviver,
 * for Buffers and the like, is most of the cost of loading 100,000 records).
 */
export const keyvOptions = { namespace: NAMESPACE, serialize: JSON.stringify, deserialize: JSON.parse };

export interface BackendOptions {
  scanPageSize: number;
  onError?: (error: unknown) => void;
}
