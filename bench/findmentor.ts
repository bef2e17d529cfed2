import { LIBRARY_TYPES, type LibraryTypeSlug } from "../src/data/library-types.js";
import { MENTOR_COLLECTION } from "../src/domain/mentors/index.js";
import { MEETING_FORMATS, type MentorProfile } from "../src/domain/mentors/profile.js";
import { createRequests, type InterviewRequest } from "../src/domain/requests/index.js";
import type { RequestState } from "../src/domain/requests/request.js";
import { SettingsService } from "../src/domain/settings/index.js";
import { createStore, guildKey, type Store } from "../src/store/store.js";
import { type Database, freshStoreUrl } from "./databases.js";
import { benchInteractions } from "./interactions.js";

const DAY_MS = 24 * 60 * 60_000;
/** The requests service's collection; checked after writing, in case it is ever renamed. */
const REQUEST_COLLECTION = "request";
const TOPICS = ["instruction", "cataloging", "archives", "outreach", "data", "grants", "reference", "youth"];
const ZONES = ["America/New_York", "America/Chicago", "America/Los_Angeles", "Europe/London", "UTC"];
const FINAL_STATES: RequestState[] = ["met", "met", "met", "declined", "expired", "expired", "cancelled"];

/** Park and Miller's generator, seeded (1 or more), so every run stores the same server. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 48_271) % 2_147_483_647;
    return (state - 1) / 2_147_483_646;
  };
}

const librarianId = (i: number) => `1${String(i).padStart(17, "0")}`;
const seekerId = (i: number) => `2${String(i).padStart(17, "0")}`;

function librarian(guildId: string, i: number, next: () => number, now: number): MentorProfile {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const types = [pick(LIBRARY_TYPES).slug, pick(LIBRARY_TYPES).slug];
  return {
    guildId,
    userId: librarianId(i),
    displayName: `Librarian ${i}`,
    libraryTypes: [...new Set(types)],
    role: pick(["Reference librarian", "Archivist", "Cataloger", "Branch manager"]),
    region: "Somewhere",
    timeZone: pick(ZONES),
    formats: [...new Set([pick(MEETING_FORMATS), pick(MEETING_FORMATS)])],
    topics: [...new Set([pick(TOPICS), pick(TOPICS), pick(TOPICS)])],
    bio: `Librarian for ${1 + Math.floor(next() * 30)} years; I help new librarians with ${pick(TOPICS)}.`,
    monthlyCapacity: 1 + Math.floor(next() * 4),
    ...(next() < 0.05 ? { pausedAt: now } : {}),
    joinedAt: now - Math.floor(next() * 700) * DAY_MS,
    updatedAt: now,
  };
}

/** Spread over the past year: the last week's still open, older ones closed one way or another. */
function request(mentor: MentorProfile, i: number, next: () => number, now: number): InterviewRequest {
  const createdAt = now - Math.floor(next() * 365 * DAY_MS);
  const open = now - createdAt < 7 * DAY_MS;
  const state: RequestState = open
    ? next() < 0.5
      ? "pending"
      : "accepted"
    : (FINAL_STATES[Math.floor(next() * FINAL_STATES.length)] as RequestState);
  const decided = state !== "pending" && state !== "expired" && state !== "cancelled";
  return {
    id: `r${String(i).padStart(7, "0")}`,
    guildId: mentor.guildId,
    seekerId: seekerId(Math.floor(next() * 20_000)),
    seekerName: `Seeker ${i % 20_000}`,
    mentorId: mentor.userId,
    libraryType: mentor.libraryTypes[0] as LibraryTypeSlug,
    note: "I am finishing my MLIS and would like to hear how you moved into this work and what a day looks like.",
    format: mentor.formats[0] ?? "video",
    state,
    createdAt,
    expiresAt: createdAt + 7 * DAY_MS,
    ...(decided ? { decidedAt: createdAt + DAY_MS } : {}),
    ...(open ? {} : { closedAt: createdAt + 3 * DAY_MS }),
    ...(state === "met" ? { metAt: createdAt + 3 * DAY_MS } : {}),
  };
}

async function writeAll(store: Store, entries: [string, unknown][]): Promise<void> {
  for (let start = 0; start < entries.length; start += 1000) {
    await Promise.all(entries.slice(start, start + 1000).map(([key, value]) => store.set(key, value)));
  }
}

/**
 * Writes one server's librarians and the requests sent to them to a fresh store in `database`;
 * resolves to its URL. Checks that the requests service reads the requests back.
 */
export async function storeServer(
  database: Database,
  guildId: string,
  librarians: number,
  requests: number,
): Promise<string> {
  const url = freshStoreUrl(database);
  const store = await createStore({ url });
  const next = seeded(7);
  const now = Date.now();
  const mentors = Array.from({ length: librarians }, (_, i) => librarian(guildId, i, next, now));
  await writeAll(
    store,
    mentors.map((mentor) => [guildKey(guildId, MENTOR_COLLECTION, mentor.userId), mentor]),
  );
  const sent = Array.from({ length: requests }, (_, i) =>
    request(mentors[Math.floor(next() * librarians)] as MentorProfile, i, next, now),
  );
  await writeAll(
    store,
    sent.map((record) => [guildKey(guildId, REQUEST_COLLECTION, record.id), record]),
  );
  const service = createRequests({
    store,
    settings: new SettingsService(store),
    requestExpiryMs: 7 * DAY_MS,
    firstContactNudgeMs: 3 * DAY_MS,
    unscheduledCloseMs: 14 * DAY_MS,
  });
  await service.load();
  if (!service.records.get(guildId, sent[0]?.id ?? ""))
    throw new Error("the requests service did not load the requests");
  await store.close();
  return url;
}

/**
 * /findmentor academic "instruction" in one server with 5,000 volunteer librarians and 50,000
 * requests stored in `database`, against a bare discord.js bot sending the very same answer (and /ping), in one run.
 */
export function benchFindMentor(database: Database, count = 1000, librarians = 5_000, requests = 50_000) {
  return benchInteractions(count, {
    command: "findmentor",
    options: { "library-type": "academic", keyword: "instruction" },
    prepare: (guildId) => storeServer(database, guildId, librarians, requests),
    stored: `${librarians.toLocaleString("en")} librarians, ${requests.toLocaleString("en")} requests`,
    sameAnswer: { p50Goal: 1.05 },
  });
}
