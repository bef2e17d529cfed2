import { describe, expect, it } from "vitest";
import { dayKey } from "../../src/domain/mentors/day-order.js";
import { keywordQuery, keywordScore } from "../../src/domain/mentors/keyword.js";
import { MentorIndex, type TypeBucket } from "../../src/domain/mentors/mentor-index.js";
import type { MentorProfile } from "../../src/domain/mentors/profile.js";
import { packRank } from "../../src/domain/mentors/ranking.js";
import { daySeed, hashString, querySeed, rotationKey } from "../../src/domain/mentors/rotation.js";
import { searchMentors } from "../../src/domain/mentors/search.js";
import { timeZoneDistanceHours } from "../../src/domain/mentors/timezone.js";
import { FakeDemand, JAN_15_2025, mentor } from "./fixtures.js";

/** A seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 4_294_967_296;
  };
}

describe("MentorIndex", () => {
  it("finds, replaces and removes by guild and user, keeping type counts right", () => {
    const index = new MentorIndex();
    index.put(mentor({ userId: "a", libraryTypes: ["academic", "law"] }));
    index.put(mentor({ userId: "b", libraryTypes: ["law"] }));
    index.put(mentor({ guildId: "g2", userId: "a", libraryTypes: ["school"] }));
    expect(index.countOfType("g1", "law")).toBe(2);
    index.put(mentor({ userId: "a", libraryTypes: ["museum"], role: "Curator" }));
    expect(index.get("g1", "a")?.role).toBe("Curator");
    expect([index.countOfType("g1", "law"), index.countOfType("g1", "academic")]).toEqual([1, 0]);
    expect(index.remove("g1", "b")?.userId).toBe("b");
    expect(index.remove("g1", "b")).toBeUndefined();
    expect(index.countOfType("g1", "law")).toBe(0);
    expect(index.get("g2", "a")?.libraryTypes).toEqual(["school"]);
    expect(index.size()).toBe(2);
    expect(index.guildIds().sort()).toEqual(["g1", "g2"]);
  });

  it("freezes what it holds", () => {
    const index = new MentorIndex();
    index.put(mentor({ userId: "a" }));
    const held = index.get("g1", "a") as MentorProfile;
    expect(() => {
      held.role = "changed";
    }).toThrow(TypeError);
    expect(() => held.topics.push("x")).toThrow(TypeError);
  });
});

describe("keywordScore", () => {
  const bucketOf = (...profiles: MentorProfile[]) => {
    const index = new MentorIndex();
    for (const profile of profiles) index.put(profile);
    return index.bucket("g1", "academic") as TypeBucket;
  };
  const scoresFor = (bucket: TypeBucket, words: string[]) =>
    Object.fromEntries(
      bucket.userIds.map((id, slot) => [id, keywordScore(bucket, slot, keywordQuery(words))]),
    );

  it("weighs each word by where it first starts a word: topic 3, role 2, the rest 1", () => {
    const bucket = bucketOf(
      mentor({ userId: "topic", topics: ["rare books"], role: "Rare books curator" }),
      mentor({ userId: "role", topics: [], role: "Curator of rare books" }),
      mentor({ userId: "bio", topics: [], role: "Archivist", bio: "Mostly RARE books." }),
      mentor({ userId: "moves", topics: [], role: "Archivist", careerMoves: "rare → public" }),
      mentor({ userId: "inside", topics: ["flare"], role: "Archivist", bio: "A bookshelf." }),
    );
    expect(scoresFor(bucket, ["rare"])).toEqual({ topic: 3, role: 2, bio: 1, moves: 1, inside: -1 });
    expect(scoresFor(bucket, ["rare", "book"])).toEqual({ topic: 6, role: 4, bio: 2, moves: -1, inside: -1 });
  });

  it("finds words at the very start and end of a text, never across two librarians", () => {
    const bucket = bucketOf(
      mentor({ userId: "a", topics: ["zine"], role: "Maker", bio: "ends with abc" }),
      mentor({ userId: "b", topics: ["def"], role: "Maker", bio: "x" }),
    );
    expect(scoresFor(bucket, ["zine"])).toEqual({ a: 3, b: -1 });
    expect(scoresFor(bucket, ["abc"])).toEqual({ a: 1, b: -1 });
    expect(scoresFor(bucket, ["abcdef"])).toEqual({ a: -1, b: -1 });
  });

  it("matches long words by their whole length, not just the first characters", () => {
    const bucket = bucketOf(
      mentor({ userId: "a", topics: ["cataloging"] }),
      mentor({ userId: "b", topics: ["catalogue design"] }),
    );
    expect(scoresFor(bucket, ["cataloging"])).toEqual({ a: 3, b: -1 });
    expect(scoresFor(bucket, ["catalog"])).toEqual({ a: 3, b: 3 });
  });

  it("follows librarians as slots move on removal", () => {
    const index = new MentorIndex();
    index.put(mentor({ userId: "a", topics: ["maps"] }));
    index.put(mentor({ userId: "b", topics: ["globes"] }));
    const bucket = index.bucket("g1", "academic") as TypeBucket;
    expect(scoresFor(bucket, ["maps"])).toEqual({ a: 3, b: -1 });
    index.put(mentor({ userId: "a", topics: ["globes"] }));
    index.put(mentor({ userId: "c", topics: ["maps"] }));
    index.remove("g1", "b");
    expect(index.bucket("g1", "academic")).toBe(bucket);
    expect(scoresFor(bucket, ["maps"])).toEqual({ a: -1, c: 3 });
  });

  it("agrees with a plain regular expression on random text, signatures never hiding a match", () => {
    const next = random(7);
    const alphabet = "abcde -+é\n";
    const pick = (length: number) =>
      Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join("");
    const profiles = Array.from({ length: 200 }, (_, i) =>
      mentor({ userId: `m${i}`, topics: [], bio: pick(60) }),
    );
    const bucket = bucketOf(...profiles);
    let matches = 0;
    for (let i = 0; i < 200; i++) {
      const word = pick(1 + Math.floor(next() * 8)).replace(/\s/g, "") || "a";
      const escaped = word.replace(/\+/g, "\\+");
      const startsAWord = new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}`, "u");
      const query = keywordQuery([word]);
      bucket.entries.forEach((entry, slot) => {
        const found = startsAWord.test(entry.text);
        if (found) matches++;
        expect(
          keywordScore(bucket, slot, query) > 0,
          `${JSON.stringify(word)} in ${JSON.stringify(entry.text)}`,
        ).toBe(found);
      });
    }
    expect(matches).toBeGreaterThan(1000);
  });
});

describe("search against a plain reference", () => {
  const TYPES = ["academic", "law", "museum"] as const;
  const TOPICS = ["cataloging", "data", "grants", "teen services", "oral history", "gis"];
  const ZONES = ["America/Chicago", "Europe/London", "Asia/Tokyo", "UTC-05:00", "Australia/Sydney"];
  const FORMATS = ["video", "phone", "text", "in-person"] as const;

  /** The ranking rules written the slow, obvious way. */
  function reference(profiles: MentorProfile[], demand: FakeDemand, q: Record<string, string>, now: number) {
    const wordStart = (text: string, word: string) =>
      new RegExp(`(^|[^\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, "u").test(
        text.toLowerCase(),
      );
    const words = (q.keyword ?? "").toLowerCase().split(/\s+/).filter(Boolean);
    const seed = querySeed(q.seekerId as string, now);
    /** The keyword score, or -1 when some word is missing. */
    const keywordOf = (p: MentorProfile): number => {
      let keyword = 0;
      for (const word of words) {
        const weight = p.topics.some((t) => wordStart(t, word))
          ? 3
          : wordStart(p.role, word)
            ? 2
            : [p.bio, p.careerMoves ?? "", p.institution ?? ""].some((t) => wordStart(t, word))
              ? 1
              : 0;
        if (weight === 0) return -1;
        keyword += weight;
      }
      return keyword;
    };
    const ofType = profiles.filter(
      (p) => p.guildId === "g1" && p.libraryTypes.includes(q.libraryType as never),
    );
    // Filtering on nothing but one word: rotation counts from the seeker's place in the day's order
    // of those of the best keyword score, paused or not, the seeker too.
    let rotation = (p: MentorProfile) => rotationKey(hashString(p.userId), seed);
    if (!q.format && !q.timeZone && words.length <= 1) {
      const dayKeyOf = (p: MentorProfile) => dayKey(hashString(p.userId), daySeed(now));
      const best = Math.max(-1, ...ofType.map(keywordOf));
      const run = ofType
        .filter((p) => best >= 0 && keywordOf(p) === best)
        .sort((a, b) => dayKeyOf(a) - dayKeyOf(b) || (a.userId < b.userId ? -1 : 1));
      const start = run[seed % Math.max(run.length, 1)];
      const point = start ? dayKeyOf(start) : 0;
      rotation = (p) => (dayKeyOf(p) - point) >>> 0;
    }
    const listed = ofType.flatMap((p) => {
      if (p.userId === q.seekerId) return [];
      if (q.format && !p.formats.includes(q.format as never)) return [];
      if (p.pausedUntil !== undefined ? p.pausedUntil > now : p.pausedAt !== undefined) return [];
      const keyword = keywordOf(p);
      if (keyword < 0) return [];
      if (demand.activeThisMonth("g1", p.userId) >= p.monthlyCapacity) return [];
      if (demand.isExcluded("g1", q.seekerId as string, p.userId)) return [];
      const hours = q.timeZone ? timeZoneDistanceHours(q.timeZone, p.timeZone, new Date(now)) : undefined;
      const score = {
        keyword,
        ...(hours === undefined
          ? {}
          : { timeZoneHours: hours, timeZoneBand: Math.min(Math.floor(hours / 3), 3) }),
        askedLast30Days: demand.askedSince("g1", p.userId, 0),
        rotation: rotation(p),
      };
      return [{ profile: p, score }];
    });
    return listed.sort(
      (a, b) => packRank(a.score) - packRank(b.score) || a.profile.userId.localeCompare(b.profile.userId),
    );
  }

  it("gives the same lists after many puts, edits, pauses and removals", () => {
    const next = random(2024);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
    const index = new MentorIndex();
    const live = new Map<string, MentorProfile>();
    const demand = new FakeDemand();
    for (let step = 0; step < 1500; step++) {
      const userId = `u${Math.floor(next() * 400)}`;
      if (next() < 0.15) {
        index.remove("g1", userId);
        live.delete(userId);
        continue;
      }
      const pause = next();
      const profile = mentor(
        {
          userId,
          libraryTypes: TYPES.filter(() => next() < 0.5).concat(pick(TYPES)),
          formats: FORMATS.filter(() => next() < 0.5).concat(pick(FORMATS)),
          topics: TOPICS.filter(() => next() < 0.3),
          role: pick(["Archivist", "Data librarian", "Grants manager", "Teen services lead"]),
          bio: pick(["I catalog rare maps.", "Oral histories and GIS.", "Budgets, grants, boards."]),
          timeZone: pick(ZONES),
          monthlyCapacity: 1 + Math.floor(next() * 3),
        },
        pause < 0.1
          ? { pausedAt: 1 }
          : pause < 0.2
            ? { pausedAt: 1, pausedUntil: JAN_15_2025 + (next() - 0.5) * 1e9 }
            : {},
      );
      index.put(profile);
      live.set(userId, profile);
      demand.asked.set(`g1/${userId}`, Math.floor(next() * 3));
      demand.active.set(`g1/${userId}`, Math.floor(next() * 3));
      if (next() < 0.05) demand.excluded.add(`g1/s1>${userId}`);
    }
    index.put(mentor({ guildId: "g2", userId: "other-guild", libraryTypes: [...TYPES] }));
    let nonEmpty = 0;
    for (let i = 0; i < 60; i++) {
      const q: Record<string, string> = {
        libraryType: pick(TYPES),
        seekerId: pick(["s1", "s2", "u1", "u2"]),
      };
      if (next() < 0.5) q.keyword = pick(["data", "grant", "oral history", "cat", "teen", "zzz", "gi"]);
      if (next() < 0.4) q.format = pick(FORMATS);
      if (next() < 0.5) q.timeZone = pick(ZONES);
      const now = JAN_15_2025 + Math.floor(next() * 3) * 86_400_000;
      // Small lists are mostly settled from a shortlist; 25, with this much demand, mostly is not.
      const limit = pick([1, 5, 25]);
      const expected = reference([...live.values()], demand, q, now);
      const matching = reference([...live.values()], new FakeDemand(), q, now).length;
      const actual = searchMentors(index, demand, {
        guildId: "g1",
        seekerId: "",
        ...q,
        now,
        limit,
      } as never);
      const context = JSON.stringify({ ...q, limit });
      expect(
        actual.results.map((r) => r.profile.userId),
        context,
      ).toEqual(expected.slice(0, limit).map((r) => r.profile.userId));
      expect(
        actual.results.map((r) => r.score),
        context,
      ).toEqual(expected.slice(0, limit).map((r) => r.score));
      expect(actual.total, context).toBe(matching);
      if (actual.results.length > 0) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(30);
  });
});
