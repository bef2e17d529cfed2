import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import KeyvSqlite from "@keyv/sqlite";
import type Keyv from "keyv";
import {
  type Backend,
  type BackendOptions,
  keyvOptions,
  listenedKeyv,
  NAMESPACE,
  type Outcome,
  type PageQuery,
  pagedScan,
  type Row,
  type RowScan,
} from "./backend.js";

export const SQLITE_PREFIX = "sqlite://";

/** A SQLite file (or `memory://`, a store that lives only in this process): one process at a time. */
export async function openSqlite(url: string, options: BackendOptions): Promise<Backend> {
  if (url === "memory://") return localBackend(listenedKeyv({ namespace: NAMESPACE }, options.onError));
  const file = url.slice(SQLITE_PREFIX.length);
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const adapter = new KeyvSqlite({ uri: url, busyTimeout: 10_000 });
  // WAL lets readers run beside the writer and makes each small write far cheaper than a full sync.
  await adapter.query("PRAGMA journal_mode=WAL");
  await adapter.query("PRAGMA synchronous=NORMAL");
  const keyv = listenedKeyv({ store: adapter, ...keyvOptions }, options.onError);
  return localBackend(keyv, pagedScan(sqlitePage(adapter), options.scanPageSize));
}

/** Writes through Keyv; only the store's per-key lock orders them, so they hold within one process. */
function localBackend(keyv: Keyv, scan?: RowScan): Backend {
  const save = async (key: string, value: unknown, ttlMs?: number) => {
    if (!(await keyv.set(key, value, ttlMs))) throw new Error(`The store refused to save ${key}`);
  };
  return {
    keyv,
    scan,
    async write<T>(key: string, decide: (current: T | undefined) => Outcome<T>) {
      const outcome = decide((await keyv.get<T>(key)) ?? undefined);
      if (outcome.kind === "delete") await keyv.delete(key);
      else if (outcome.kind === "save") await save(key, outcome.value, outcome.ttlMs);
    },
    save,
    close: () => keyv.disconnect(),
  };
}

/**
 * SQLite compares keys as bytes, so bounds just below and just above `start` (its last character
 * stepped down and up) keep a scan of one guild's collection to its own keys, which the primary key
 * finds without reading the rest of the table; LIKE alone cannot use it.
 */
const sqlitePage = (adapter: KeyvSqlite): PageQuery => {
  const select = `SELECT key, value FROM ${adapter.opts.table ?? "keyv"} WHERE key > ? AND key < ? AND key LIKE ? ESCAPE '\\' ORDER BY key LIMIT ?`;
  return async (after, like, limit, start) => {
    const head = start.slice(0, -1);
    const last = start.charCodeAt(start.length - 1);
    const lower = head + String.fromCharCode(last - 1);
    const upper = head + String.fromCharCode(last + 1);
    // The first page starts at the lower bound; later ones after the last key read, which is above it.
    return (await adapter.query(select, after || lower, upper, like, limit)) as Row[];
  };
};
