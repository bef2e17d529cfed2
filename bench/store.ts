import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { collectionPattern, createStore, guildKey } from "../src/store/store.js";
import { benchDatabases, freshStoreUrl } from "./databases.js";
import { quantile, round } from "./stats.js";

const RECORDS = 10_000;
const GUILDS = 50;
const READS = 2_000;
const UPDATES = 2_000;
const AT_ONCE = 16;
const HOT_UPDATES = 500;

/**
 * The store on its own: SQLite, the baseline, then PostgreSQL when BENCH_POSTGRES_URL names a database
 * the bench may create a schema in (scripts/bench.ts drops it afterwards). Ratios are PostgreSQL's figure over SQLite's.
 */
export async function benchStore(): Promise<Record<string, number | string>> {
  const dir = mkdtempSync(join(tmpdir(), "bench-store-"));
  try {
    const sqlite = await measure(`sqlite://${join(dir, "bench.sqlite")}`);
    const figures: Record<string, number | string> = prefixed("sqlite", sqlite);
    if (!benchDatabases().includes("PostgreSQL"))
      return { ...figures, postgres: "skipped: BENCH_POSTGRES_URL is not set" };
    const postgres = await measure(freshStoreUrl("PostgreSQL"));
    Object.assign(figures, prefixed("postgres", postgres));
    for (const [label, value] of Object.entries(postgres)) {
      figures[`ratio.${label}`] = `${round(value / (sqlite[label as keyof Figures] ?? Number.NaN))}×`;
    }
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

type Figures = Awaited<ReturnType<typeof measure>>;

async function measure(url: string) {
  const store = await createStore({ url });
  const keys = Array.from({ length: RECORDS }, (_, i) =>
    guildKey(String(1e17 + (i % GUILDS)), i % 2 ? "mentor" : "request", String(i)),
  );
  const fillStarted = performance.now();
  await inBatches(keys, (key) => store.set(key, { key, bio: "x".repeat(400), topics: ["a", "b", "c"] }));
  const fillMs = performance.now() - fillStarted;

  const reads: number[] = [];
  for (let i = 0; i < READS; i++) {
    const started = performance.now();
    await store.get(keys[(i * 7919) % RECORDS] ?? "");
    reads.push(performance.now() - started);
  }

  const updateStarted = performance.now();
  await inBatches(keys.slice(0, UPDATES), (key) =>
    store.update<{ edits?: number }>(key, (current) => ({ ...current, edits: (current?.edits ?? 0) + 1 })),
  );
  const updatesPerSecond = UPDATES / ((performance.now() - updateStarted) / 1000);

  const hotStarted = performance.now();
  await Promise.all(
    Array.from({ length: HOT_UPDATES }, () => store.update<number>("hot", (count) => (count ?? 0) + 1)),
  );
  const hotUpdatesPerSecond = HOT_UPDATES / ((performance.now() - hotStarted) / 1000);

  const scanStarted = performance.now();
  let scanned = 0;
  for await (const _ of store.entries(collectionPattern("mentor"))) scanned++;
  const scanMs = performance.now() - scanStarted;
  await store.close();
  if (scanned !== RECORDS / 2) throw new Error(`scanned ${scanned} records, expected ${RECORDS / 2}`);

  return {
    fillMs: Math.round(fillMs),
    getP50Ms: round(quantile(reads, 0.5), 3),
    getP99Ms: round(quantile(reads, 0.99), 3),
    updatesPerSecond: Math.round(updatesPerSecond),
    hotKeyUpdatesPerSecond: Math.round(hotUpdatesPerSecond),
    scanHalfOf10kMs: Math.round(scanMs),
  };
}

/** Runs `task` on every item, {@link AT_ONCE} at a time. */
async function inBatches<T>(items: readonly T[], task: (item: T) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < items.length; start += AT_ONCE) {
    await Promise.all(items.slice(start, start + AT_ONCE).map(task));
  }
}

const prefixed = (prefix: string, figures: Record<string, number>) =>
  Object.fromEntries(Object.entries(figures).map(([label, value]) => [`${prefix}.${label}`, value]));
