import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { LIBRARY_TYPES } from "../src/data/library-types.js";
import type { MentorDemand } from "../src/domain/mentors/demand.js";
import { MEETING_FORMATS, type MentorProfile } from "../src/domain/mentors/profile.js";
import type { SearchQuery } from "../src/domain/mentors/search.js";
import { MENTOR_COLLECTION, MentorService } from "../src/domain/mentors/service.js";
import { createStore, guildKey } from "../src/store/store.js";

const GUILD = "bench-guild";
const BATCH = 1_000;
const QUERIES = 2_000;
const WARM_UP = 200;
const list = (words: string): string[] => words.split(",");
const TOPICS = list(
  "cataloging,metadata,reference,instruction,outreach,grants,data,gis,archives,digitization,preservation," +
    "systematic reviews,children,teens,makerspace,management,budgets,collection development,e-resources," +
    "licensing,copyright,scholarly communication,open access,user experience,web,programming,marketing," +
    "community engagement,accessibility,rare books,oral history,records management,knowledge management," +
    "competitive intelligence,legal research,health literacy,dei,unions,remote work,career change",
);
const ZONES = list(
  "America/New_York,America/Chicago,America/Denver,America/Los_Angeles,America/Phoenix,America/Anchorage," +
    "Pacific/Honolulu,America/Toronto,America/Halifax,Europe/London,Europe/Berlin,Asia/Calcutta,Asia/Tokyo," +
    "Australia/Sydney,UTC-05:00,UTC+05:30,UTC",
);
const ROLES = list("Reference librarian,Archivist,Branch manager,Cataloger,Library director,Subject liaison");
// Bios mix words every librarian uses with a few of their own, as real ones do.
const COMMON = list(
  "i,the,a,and,of,to,in,for,with,my,our,library,librarian,work,years,help,students,patrons,team,love",
);
const SPECIFIC = list(
  "accreditation,acquisitions,advocacy,appraisal,assessment,bibliometrics,bilingual,boards,bookmobile," +
    "branches,chemistry,circulation,coding,conservation,consortium,curriculum,databases,deaccessioning," +
    "discovery,donors,ebooks,embedded,engineering,exhibits,faculty,fundraising,genealogy,government,hiring," +
    "history,homeschool,immigrants,indexing,informatics,interlibrary,internships,journals,juvenile,kanban," +
    "ladder,leadership,literacy,maps,medicine,mentoring,migration,music,newspapers,nursing,onboarding,patents," +
    "photographs,podcasts,policy,prisons,procurement,provenance,publishing,rural,scheduling,science,serials," +
    "statistics,storytime,supervision,taxonomy,testing,textbooks,training,transcription,translation,tribal," +
    "tutoring,vendors,veterans,volunteers,weeding,wikipedia,workshops,writing,youth,zines",
);
const KEYWORDS = [...TOPICS, ...SPECIFIC.slice(0, 40), "catalog", "archivist", "library"];

/** A small seeded generator, so every run builds the same librarians and asks the same questions. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const pickFrom = <T>(next: () => number, items: readonly T[]): T =>
  items[Math.floor(next() * items.length)] as T;

function some<T>(next: () => number, items: readonly T[], most: number): T[] {
  const count = 1 + Math.floor(next() * most);
  return [...new Set(Array.from({ length: count }, () => pickFrom(next, items)))];
}

/** Shaped like a Discord snowflake, as real ids are. */
const userIdOf = (i: number): string => `1${String(i).padStart(17, "0")}`;
const guildIdOf = (i: number): string => (i === 0 ? GUILD : `${GUILD}-${i}`);

export function librarian(i: number, next: () => number, now: number): MentorProfile {
  const words = [...Array.from({ length: 24 }, () => pickFrom(next, COMMON)), ...some(next, SPECIFIC, 8)];
  return {
    guildId: GUILD,
    userId: userIdOf(i),
    displayName: `Librarian ${i}`,
    libraryTypes: some(next, LIBRARY_TYPES, 2).map((type) => type.slug),
    role: pickFrom(next, ROLES),
    ...(next() < 0.5 ? { institution: "Mid-size county system" } : {}),
    region: "Somewhere",
    timeZone: pickFrom(next, ZONES),
    formats: some(next, MEETING_FORMATS, 3),
    topics: some(next, TOPICS, 5),
    bio: words.join(" "),
    monthlyCapacity: 1 + Math.floor(next() * 4),
    ...(next() < 0.05 ? { pausedAt: now } : {}),
    joinedAt: now,
    updatedAt: now,
  };
}

/**
 * Demand kept the way the requests feature keeps it: answered from memory, with what one seeker
 * shares looked up once per search.
 */
export function benchDemand(count: number, next: () => number): MentorDemand {
  const counters = new Map<string, { asked: number; active: number }>();
  const excluded = new Map<string, Set<string>>();
  for (let i = 0; i < count; i++) {
    if (next() < 0.3)
      counters.set(userIdOf(i), { asked: Math.floor(next() * 6), active: Math.floor(next() * 3) });
  }
  for (let seeker = 0; seeker < 300; seeker++) {
    excluded.set(
      `seeker${seeker}`,
      new Set(Array.from({ length: 3 }, () => userIdOf(Math.floor(next() * count)))),
    );
  }
  return {
    forSearch(_guildId, seekerId) {
      const ofSeeker = excluded.get(seekerId);
      return {
        askedIfAvailable(mentorId, monthlyCapacity) {
          const counter = counters.get(mentorId);
          if ((counter?.active ?? 0) >= monthlyCapacity || ofSeeker?.has(mentorId)) return -1;
          return counter?.asked ?? 0;
        },
      };
    },
  };
}

/** Searches of every type in random guilds, half with a keyword, half with a time zone, a quarter with a format. */
export function benchQueries(count: number, next: () => number, now: number, guilds: number): SearchQuery[] {
  const types = LIBRARY_TYPES.map((type) => type.slug);
  return Array.from({ length: count }, (_, i) => ({
    guildId: guildIdOf(Math.floor(next() * guilds)),
    seekerId: `seeker${i % 300}`,
    libraryType: pickFrom(next, types),
    ...(next() < 0.5 ? { keyword: pickFrom(next, KEYWORDS) } : {}),
    ...(next() < 0.5 ? { timeZone: pickFrom(next, ZONES) } : {}),
    ...(next() < 0.25 ? { format: pickFrom(next, MEETING_FORMATS) } : {}),
    now: now + i * 60_000,
  }));
}

/** A full collection, so heap figures are live data and no collection left over from loading lands in a timed search. */
function collectGarbage(): void {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? Number.NaN;

const round = (value: number, places = 3): number => Number(value.toFixed(places));
const megabytes = (bytes: number): number => round(bytes / 1024 / 1024, 1);

/**
 * Two sizes the bot meets: one server with 5,000 librarians (goal: search p99 at most 1 ms), and
 * 100,000 librarians over 200 servers in one process. Prints nothing.
 */
export async function benchMentors(): Promise<Record<string, number | string>> {
  return {
    ...prefixed("oneServer", await benchScenario({ count: 5_000, guilds: 1 })),
    ...prefixed("manyServers", await benchScenario({ count: 100_000, guilds: 200 })),
  };
}

const prefixed = (prefix: string, figures: Record<string, number | string>) =>
  Object.fromEntries(Object.entries(figures).map(([label, value]) => [`${prefix}.${label}`, value]));

/** Fills a sqlite store with `count` librarians spread over `guilds` servers, then times start-up and searches. */
async function benchScenario({ count, guilds }: { count: number; guilds: number }) {
  const now = Date.UTC(2025, 0, 15, 12);
  const next = random(42);
  const dir = mkdtempSync(join(tmpdir(), "bench-mentors-"));
  const url = `sqlite://${join(dir, "bench.sqlite")}`;
  try {
    const fillStarted = performance.now();
    const filling = await createStore({ url });
    for (let start = 0; start < count; start += BATCH) {
      const batch = Array.from({ length: Math.min(BATCH, count - start) }, (_, i) => ({
        ...librarian(start + i, next, now),
        guildId: guildIdOf((start + i) % guilds),
      }));
      await Promise.all(batch.map((p) => filling.set(guildKey(p.guildId, MENTOR_COLLECTION, p.userId), p)));
    }
    await filling.close();
    const fillMs = performance.now() - fillStarted;

    // The store's own scan, to compare with load(), which runs one.
    const scanning = await createStore({ url });
    const scanStarted = performance.now();
    for await (const _ of scanning.entries("guild/")) {
      // Reading is all that is measured.
    }
    const storeScanMs = performance.now() - scanStarted;
    await scanning.close();

    const demand = benchDemand(count, next);
    collectGarbage();
    const heapBefore = process.memoryUsage().heapUsed;
    const store = await createStore({ url });
    const service = new MentorService({ store, demand, clock: () => now });
    const loadStarted = performance.now();
    const { loaded, skipped } = await service.load();
    const loadMs = performance.now() - loadStarted;
    // Also clears what loading left behind, so searches are timed in a steady state.
    collectGarbage();
    const memory = process.memoryUsage();

    const queries = benchQueries(WARM_UP + QUERIES, next, now, guilds);
    const times: number[] = [];
    const withKeyword: number[] = [];
    const withoutKeyword: number[] = [];
    let matches = 0;
    for (const [i, query] of queries.entries()) {
      const started = performance.now();
      const result = service.search(query);
      const elapsed = performance.now() - started;
      if (i < WARM_UP) continue;
      times.push(elapsed);
      (query.keyword ? withKeyword : withoutKeyword).push(elapsed);
      matches += result.total;
    }
    await store.close();
    for (const list of [times, withKeyword, withoutKeyword]) list.sort((a, b) => a - b);

    return {
      librarians: count,
      servers: guilds,
      loaded,
      skipped,
      fillMs: Math.round(fillMs),
      loadMs: Math.round(loadMs),
      storeScanMs: Math.round(storeScanMs),
      heapUsedMB: megabytes(memory.heapUsed),
      heapForIndexMB: megabytes(memory.heapUsed - heapBefore),
      rssMB: megabytes(memory.rss),
      searchQueries: times.length,
      searchMeanMatches: Math.round(matches / times.length),
      searchP50Ms: round(percentile(times, 50)),
      searchP99Ms: round(percentile(times, 99)),
      searchMaxMs: round(times[times.length - 1] ?? Number.NaN),
      searchWithoutKeywordP50Ms: round(percentile(withoutKeyword, 50)),
      searchWithoutKeywordP99Ms: round(percentile(withoutKeyword, 99)),
      searchWithKeywordP50Ms: round(percentile(withKeyword, 50)),
      searchWithKeywordP99Ms: round(percentile(withKeyword, 99)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
