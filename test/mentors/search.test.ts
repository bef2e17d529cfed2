import { describe, expect, it } from "vitest";
import { NO_DEMAND } from "../../src/domain/mentors/demand.js";
import type { MentorProfile, ProfileInput } from "../../src/domain/mentors/profile.js";
import { packRank } from "../../src/domain/mentors/ranking.js";
import { type SearchQuery, searchMentors } from "../../src/domain/mentors/search.js";
import { DAY_MS, FakeDemand, indexOf, JAN_15_2025, mentor, validationErrorFrom } from "./fixtures.js";

const query = (overrides: Partial<SearchQuery> = {}): SearchQuery => ({
  guildId: "g1",
  seekerId: "seeker",
  libraryType: "academic",
  now: JAN_15_2025,
  ...overrides,
});

/** Twenty academic librarians equal in every way that ranking looks at. */
const equals = Array.from({ length: 20 }, (_, i) => mentor({ userId: `m${i}` }));
const ids = (result: { results: { profile: { userId: string } }[] }) =>
  result.results.map((r) => r.profile.userId);

describe("searchMentors: the library type", () => {
  it("lists only librarians of the type, up to the limit, and counts them all", () => {
    const index = indexOf(
      ...equals.slice(0, 7),
      mentor({ userId: "pub", libraryTypes: ["public-library"] }),
      mentor({ userId: "both", libraryTypes: ["public-library", "academic"] }),
    );
    const result = searchMentors(index, NO_DEMAND, query());
    expect(result.total).toBe(8);
    expect(result.results).toHaveLength(5);
    expect(ids(result)).not.toContain("pub");
    expect(searchMentors(index, NO_DEMAND, query({ limit: 50 })).results).toHaveLength(8);
    expect(ids(searchMentors(index, NO_DEMAND, query({ libraryType: "public" })))).toEqual(
      expect.arrayContaining(["pub", "both"]),
    );
  });

  it("accepts names and aliases, and suggests for unknown ones", () => {
    const index = indexOf(mentor({ userId: "a" }));
    expect(searchMentors(index, NO_DEMAND, query({ libraryType: "University" })).total).toBe(1);
    expect(
      validationErrorFrom(() => searchMentors(index, NO_DEMAND, query({ libraryType: "acadmic" }))),
    ).toMatchObject({
      field: "libraryType",
      message: 'Unknown library type "acadmic". Did you mean: Academic library?',
    });
  });

  it("keeps guilds apart", () => {
    const index = indexOf(mentor({ userId: "a", guildId: "g1" }), mentor({ userId: "b", guildId: "g2" }));
    expect(ids(searchMentors(index, NO_DEMAND, query({ guildId: "g1" })))).toEqual(["a"]);
    expect(ids(searchMentors(index, NO_DEMAND, query({ guildId: "g2" })))).toEqual(["b"]);
    expect(searchMentors(index, NO_DEMAND, query({ guildId: "g3" })).total).toBe(0);
  });
});

describe("searchMentors: filters", () => {
  it("never lists the seeker themself", () => {
    const index = indexOf(mentor({ userId: "seeker" }), mentor({ userId: "other" }));
    expect(ids(searchMentors(index, NO_DEMAND, query()))).toEqual(["other"]);
  });

  it("hides paused librarians, and lists them again once their pause has run out", () => {
    const index = indexOf(
      mentor({ userId: "open" }),
      mentor({ userId: "indefinite" }, { pausedAt: JAN_15_2025 - DAY_MS }),
      mentor({ userId: "week" }, { pausedAt: JAN_15_2025, pausedUntil: JAN_15_2025 + 7 * DAY_MS }),
    );
    expect(ids(searchMentors(index, NO_DEMAND, query()))).toEqual(["open"]);
    const later = ids(searchMentors(index, NO_DEMAND, query({ now: JAN_15_2025 + 7 * DAY_MS, limit: 10 })));
    expect(later.sort()).toEqual(["open", "week"]);
  });

  it("hides librarians at their monthly capacity", () => {
    const demand = new FakeDemand();
    const index = indexOf(
      mentor({ userId: "full", monthlyCapacity: 2 }),
      mentor({ userId: "room", monthlyCapacity: 3 }),
      mentor({ userId: "idle", monthlyCapacity: 1 }),
    );
    demand.active.set("g1/full", 2);
    demand.active.set("g1/room", 2);
    const result = searchMentors(index, demand, query());
    expect(ids(result).sort()).toEqual(["idle", "room"]);
    // `total` counts matches before availability: see SearchResult.
    expect(result.total).toBe(3);
  });

  it("hides librarians the demand provider excludes for this seeker only", () => {
    const demand = new FakeDemand();
    const index = indexOf(mentor({ userId: "a" }), mentor({ userId: "b" }));
    demand.excluded.add("g1/seeker>a");
    expect(ids(searchMentors(index, demand, query()))).toEqual(["b"]);
    expect(ids(searchMentors(index, demand, query({ seekerId: "other" }))).sort()).toEqual(["a", "b"]);
  });

  it("filters by format when one is given", () => {
    const index = indexOf(
      mentor({ userId: "video", formats: ["video"] }),
      mentor({ userId: "phone", formats: ["phone", "text"] }),
      mentor({ userId: "person", formats: ["in-person"] }),
    );
    expect(ids(searchMentors(index, NO_DEMAND, query({ format: "phone" })))).toEqual(["phone"]);
    expect(ids(searchMentors(index, NO_DEMAND, query({ format: "In person" })))).toEqual(["person"]);
    expect(searchMentors(index, NO_DEMAND, query({ format: "" })).total).toBe(3);
    expect(validationErrorFrom(() => searchMentors(index, NO_DEMAND, query({ format: "fax" }))).field).toBe(
      "formats",
    );
  });

  it("filters by keyword, case-insensitively, at the start of words", () => {
    const index = indexOf(
      mentor({ userId: "topic", topics: ["Cataloging", "metadata"] }),
      mentor({ userId: "bio", bio: "Years of copy-cataloging in a small college." }),
      mentor({ userId: "none", topics: ["outreach"], bio: "I love a fresh start." }),
    );
    expect(ids(searchMentors(index, NO_DEMAND, query({ keyword: "CATALOG" })))).toEqual(["topic", "bio"]);
    expect(searchMentors(index, NO_DEMAND, query({ keyword: "art" })).total).toBe(0);
    // Every word has to be found somewhere.
    expect(ids(searchMentors(index, NO_DEMAND, query({ keyword: "metadata cataloging" })))).toEqual([
      "topic",
    ]);
    expect(
      validationErrorFrom(() => searchMentors(index, NO_DEMAND, query({ keyword: "k".repeat(101) }))).message,
    ).toBe("Keyword is 101 characters; the limit is 100.");
  });
});

describe("searchMentors: demand look-ups", () => {
  it("asks about availability only for a shortlist when the best are free", () => {
    const demand = new FakeDemand();
    const many = Array.from({ length: 300 }, (_, i) => mentor({ userId: `x${i}` }));
    const result = searchMentors(indexOf(...many), demand, query());
    expect(result.total).toBe(300);
    expect(result.results).toHaveLength(5);
    // The five best, asked once each; their breakdowns reuse the answer.
    expect(demand.askedCalls.length).toBe(5);
  });

  it("looks past the shortlist when most of it is busy or was asked lately", () => {
    const demand = new FakeDemand();
    const many = Array.from({ length: 300 }, (_, i) => mentor({ userId: `x${i}` }));
    const index = indexOf(...many);
    const order = ids(searchMentors(index, demand, query({ limit: 25 })));
    // Busy: all of the shortlist of 15 for a list of 5 but one; asked lately: the next two.
    for (const id of order.slice(0, 14)) demand.active.set(`g1/${id}`, 2);
    for (const id of order.slice(14, 16)) demand.asked.set(`g1/${id}`, 1);
    demand.askedCalls.length = 0;
    const result = searchMentors(index, demand, query());
    expect(ids(result)).toEqual(order.slice(16, 21));
    expect(result.results.map((r) => r.score.askedLast30Days)).toEqual([0, 0, 0, 0, 0]);
    // The shortlist's one free librarian; then, in rank order, the two asked lately and the five
    // shown. Whoever comes after them ranks after the fifth: nobody more is asked about.
    expect(demand.askedCalls.length).toBe(8);
  });

  it("still finds the best available when the front runners are busy", () => {
    const demand = new FakeDemand();
    const all = searchMentors(indexOf(...equals), demand, query({ limit: 20 }));
    const [first, second, third] = ids(all);
    demand.active.set(`g1/${first}`, 2);
    demand.excluded.add(`g1/seeker>${second}`);
    expect(ids(searchMentors(indexOf(...equals), demand, query({ limit: 1 })))).toEqual([third]);
  });
});

describe("searchMentors: ranking by fit", () => {
  it("ranks a keyword in topics over the role over bio, career moves or institution", () => {
    const index = indexOf(
      mentor({ userId: "bio", bio: "I run our archives program." }),
      mentor({ userId: "moves", careerMoves: "archives → academic" }),
      mentor({ userId: "institution", institution: "Archives of a small college" }),
      mentor({ userId: "role", role: "Archives and special collections lead" }),
      mentor({ userId: "topic", topics: ["archives"] }),
    );
    const result = searchMentors(index, NO_DEMAND, query({ keyword: "archives", limit: 10 }));
    expect(ids(result).slice(0, 2)).toEqual(["topic", "role"]);
    expect(ids(result).slice(2).sort()).toEqual(["bio", "institution", "moves"]);
    expect(result.results.map((r) => r.score.keyword)).toEqual([3, 2, 1, 1, 1]);
  });

  it("counts each librarian once, at their heaviest weight, however many of their words a keyword starts", () => {
    const index = indexOf(
      mentor({ userId: "both", topics: ["cataloging"], bio: "Catalogs, catalogers and cataloging." }),
      mentor({ userId: "bio", topics: ["outreach"], bio: "Some cataloging now and then." }),
    );
    // "catalog" starts three different words of the first librarian; "catalogi" only one word at all.
    for (const keyword of ["catalog", "catalogi"]) {
      const result = searchMentors(index, NO_DEMAND, query({ keyword, limit: 10 }));
      expect(result.total).toBe(2);
      expect(result.results.map((r) => [r.profile.userId, r.score.keyword])).toEqual([
        ["both", 3],
        ["bio", 1],
      ]);
    }
  });

  it("ranks a keyword match above being asked less", () => {
    const demand = new FakeDemand();
    demand.asked.set("g1/topic", 9);
    const index = indexOf(
      mentor({ userId: "topic", topics: ["grants"] }),
      mentor({ userId: "role", role: "Grants lead" }),
    );
    expect(ids(searchMentors(index, demand, query({ keyword: "grants" })))).toEqual(["topic", "role"]);
  });

  it("ranks nearer time-zone bands first and reports the distance", () => {
    const index = indexOf(
      mentor({ userId: "tokyo", timeZone: "Asia/Tokyo" }),
      mentor({ userId: "london", timeZone: "Europe/London" }),
      mentor({ userId: "denver", timeZone: "America/Denver" }),
    );
    const result = searchMentors(index, NO_DEMAND, query({ timeZone: "America/New_York" }));
    expect(ids(result)).toEqual(["denver", "london", "tokyo"]);
    expect(result.results.map((r) => [r.score.timeZoneHours, r.score.timeZoneBand])).toEqual([
      [2, 0],
      [5, 1],
      [10, 3],
    ]);
  });

  it("treats zones in one band as equally close, so fairness decides between them", () => {
    const demand = new FakeDemand();
    demand.asked.set("g1/chicago", 3);
    const index = indexOf(
      mentor({ userId: "chicago", timeZone: "America/Chicago" }),
      mentor({ userId: "new-york", timeZone: "America/New_York" }),
    );
    expect(ids(searchMentors(index, demand, query({ timeZone: "America/Chicago" })))).toEqual([
      "new-york",
      "chicago",
    ]);
  });

  it("ranks a time-zone band above being asked less", () => {
    const demand = new FakeDemand();
    demand.asked.set("g1/near", 5);
    const index = indexOf(
      mentor({ userId: "near", timeZone: "America/Chicago" }),
      mentor({ userId: "far", timeZone: "Asia/Tokyo" }),
    );
    expect(ids(searchMentors(index, demand, query({ timeZone: "UTC-6" })))).toEqual(["near", "far"]);
  });

  it("uses the offsets in force at `now`", () => {
    // Chicago is 6 hours from London in January but 5 in mid-March: band 2, then band 1.
    const index = indexOf(mentor({ userId: "london", timeZone: "Europe/London" }));
    const january = searchMentors(index, NO_DEMAND, query({ timeZone: "America/Chicago" }));
    const march = searchMentors(
      index,
      NO_DEMAND,
      query({ timeZone: "America/Chicago", now: Date.UTC(2025, 2, 20) }),
    );
    expect(january.results[0]?.score.timeZoneHours).toBe(6);
    expect(march.results[0]?.score.timeZoneHours).toBe(5);
  });

  it("rejects a seeker time zone that is not one", () => {
    expect(
      validationErrorFrom(() => searchMentors(indexOf(), NO_DEMAND, query({ timeZone: "Narnia" }))).field,
    ).toBe("timeZone");
  });
});

describe("searchMentors: fairness", () => {
  it("puts those asked least in the last 30 days first", () => {
    const demand = new FakeDemand();
    [4, 0, 7, 1, 2].forEach((asked, i) => {
      demand.asked.set(`g1/m${i}`, asked);
    });
    const result = searchMentors(indexOf(...equals.slice(0, 5)), demand, query());
    expect(ids(result)).toEqual(["m1", "m3", "m4", "m0", "m2"]);
    expect(result.results.map((r) => r.score.askedLast30Days)).toEqual([0, 1, 2, 4, 7]);
    expect(demand.askedCalls.every((call) => call.since === JAN_15_2025 - 30 * DAY_MS)).toBe(true);
  });

  it("gives one seeker the same order all day", () => {
    const index = indexOf(...equals);
    const morning = ids(
      searchMentors(index, NO_DEMAND, query({ limit: 20, now: Date.UTC(2025, 0, 15, 0, 5) })),
    );
    const evening = ids(
      searchMentors(index, NO_DEMAND, query({ limit: 20, now: Date.UTC(2025, 0, 15, 23, 55) })),
    );
    expect(evening).toEqual(morning);
  });

  it("rotates equals differently for different seekers and days", () => {
    const index = indexOf(...equals);
    const orderFor = (seekerId: string, now: number) =>
      ids(searchMentors(index, NO_DEMAND, query({ seekerId, now, limit: 20 })));
    const today = orderFor("seeker", JAN_15_2025);
    expect(orderFor("someone-else", JAN_15_2025)).not.toEqual(today);
    expect(orderFor("seeker", JAN_15_2025 + DAY_MS)).not.toEqual(today);
    expect(today.slice().sort()).toEqual(equals.map((m) => m.userId).sort());
  });

  // Without a filter, or with one keyword word only, a search walks the day's order from the
  // seeker's place in it; with more, it ranks everyone. Both must spread first place evenly.
  for (const [name, filters] of [
    ["no filter", {}],
    ["one keyword word", { keyword: "instruction" }],
    ["a format", { format: "video" }],
    ["two keyword words", { keyword: "first-year students" }],
  ] as const) {
    it(`spreads first place around (${name}): over 200 seekers, nobody is on top more than a few times`, () => {
      const index = indexOf(...equals);
      const firsts = new Map<string, number>();
      for (let i = 0; i < 200; i++) {
        const first = ids(searchMentors(index, NO_DEMAND, query({ ...filters, seekerId: `s${i}` })))[0] ?? "";
        firsts.set(first, (firsts.get(first) ?? 0) + 1);
      }
      // 10 each on average; a fixed order would give one librarian all 200.
      expect(firsts.size).toBeGreaterThanOrEqual(15);
      expect(Math.max(...firsts.values())).toBeLessThanOrEqual(25);
    });
  }

  it("lists as a fresh index would after joins, edits, pauses and departures between searches", () => {
    const many = Array.from({ length: 60 }, (_, i) =>
      mentor({ userId: `m${i}`, topics: i % 3 === 0 ? ["instruction", "data"] : ["data"] }),
    );
    const live = new Map(many.map((m) => [m.userId, m]));
    const index = indexOf(...many);
    const searches = [
      query({ limit: 25 }),
      query({ limit: 25, keyword: "data" }),
      query({ keyword: "instr" }),
    ];
    const check = () => {
      const fresh = indexOf(...live.values());
      for (const q of searches) {
        expect(ids(searchMentors(index, NO_DEMAND, q)), JSON.stringify(q)).toEqual(
          ids(searchMentors(fresh, NO_DEMAND, q)),
        );
      }
    };
    check();
    const changes: [string, MentorProfile | undefined][] = [
      ["m0", undefined],
      ["m7", mentor({ userId: "m7", topics: ["instruction"] })],
      ["m70", mentor({ userId: "m70", topics: ["data"] })],
      ["m3", mentor({ userId: "m3", topics: ["data"] }, { pausedAt: 1 })],
      ["m59", undefined],
      ["m12", mentor({ userId: "m12", topics: ["data"], libraryTypes: ["law"] })],
    ];
    for (const [userId, profile] of changes) {
      if (profile) {
        index.put(profile);
        live.set(userId, profile);
      } else {
        index.remove("g1", userId);
        live.delete(userId);
      }
      check();
    }
    expect(ids(searchMentors(index, NO_DEMAND, query({ limit: 25, keyword: "instruction" })))).toContain(
      "m7",
    );
  });

  it("returns results in the order of their packed rank", () => {
    const demand = new FakeDemand();
    equals.forEach((m, i) => {
      demand.asked.set(`g1/${m.userId}`, i % 3);
    });
    const { results } = searchMentors(indexOf(...equals), demand, query({ limit: 20, timeZone: "UTC" }));
    const ranks = results.map((r) => packRank(r.score));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(new Set(ranks).size).toBe(20);
  });
});

describe("searchMentors: nothing found", () => {
  const libs = (n: number, prefix: string, overrides: Partial<ProfileInput>) =>
    Array.from({ length: n }, (_, i) => mentor({ ...overrides, userId: `${prefix}${i}` }));

  it("returns counts for the nearest related types that would have someone, nearest first", () => {
    const index = indexOf(
      ...libs(4, "pub", { libraryTypes: ["public-library"] }),
      ...libs(1, "special", { libraryTypes: ["special"] }),
      ...libs(2, "law", { libraryTypes: ["law"] }),
      ...libs(3, "cc", { libraryTypes: ["community-college"] }),
      ...libs(5, "arch", { libraryTypes: ["archives"] }),
    );
    const result = searchMentors(index, NO_DEMAND, query());
    // Academic's related types: community college, medical, law, archives, special. Public is not one.
    expect(result).toEqual({
      results: [],
      total: 0,
      nearby: [
        { type: "community-college", name: "Community college library", count: 3 },
        { type: "law", name: "Law library", count: 2 },
        { type: "archives", name: "Archives and special collections", count: 5 },
      ],
    });
  });

  it("applies the keyword to nearby types too", () => {
    const index = indexOf(
      ...libs(3, "cc", { libraryTypes: ["community-college"], topics: ["grants"] }),
      ...libs(2, "law", { libraryTypes: ["law"], topics: ["moot court"] }),
    );
    expect(searchMentors(index, NO_DEMAND, query({ keyword: "grant" })).nearby).toEqual([
      { type: "community-college", name: "Community college library", count: 3 },
    ]);
  });

  it("counts librarians matching the same search, busy ones included", () => {
    const demand = new FakeDemand();
    demand.active.set("g1/cc0", 2);
    const index = indexOf(
      ...libs(3, "cc", { libraryTypes: ["community-college"], formats: ["phone"] }),
      mentor({ userId: "law-video", libraryTypes: ["law"], formats: ["video"] }),
      mentor({ userId: "paused", libraryTypes: ["medical"], formats: ["phone"] }, { pausedAt: 1 }),
    );
    const result = searchMentors(index, demand, query({ format: "phone" }));
    expect(result.nearby).toEqual([
      { type: "community-college", name: "Community college library", count: 3 },
    ]);
  });

  it("points elsewhere when everyone of the type is busy, and says how many match", () => {
    const demand = new FakeDemand();
    demand.active.set("g1/a", 2);
    demand.excluded.add("g1/seeker>b");
    const index = indexOf(
      mentor({ userId: "a" }),
      mentor({ userId: "b" }),
      ...libs(2, "cc", { libraryTypes: "cc" }),
    );
    expect(searchMentors(index, demand, query())).toEqual({
      results: [],
      total: 2,
      nearby: [{ type: "community-college", name: "Community college library", count: 2 }],
    });
  });

  it("returns an empty nearby list in an empty guild", () => {
    expect(searchMentors(indexOf(), NO_DEMAND, query())).toEqual({ results: [], total: 0, nearby: [] });
  });

  it("has no nearby list when something matched", () => {
    expect(searchMentors(indexOf(mentor()), NO_DEMAND, query())).not.toHaveProperty("nearby");
  });
});
