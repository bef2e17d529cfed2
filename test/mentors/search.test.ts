import { describe, expect, it } from "vitest";
import { type MentorDemand, NO_DEMAND } from "../../src/domain/mentors/demand.js";
import type { ProfileInput } from "../../src/domain/mentors/profile.js";
import type { SearchQuery } from "../../src/domain/mentors/search.js";
import type { MentorService } from "../../src/domain/mentors/service.js";
import {
  DAY_MS,
  FakeDemand,
  JAN_15_2025,
  mentor,
  profileInput,
  serviceOf,
  validationErrorFrom,
} from "./fixtures.js";

const query = (overrides: Partial<SearchQuery> = {}): SearchQuery => ({
  guildId: "g1",
  seekerId: "seeker",
  libraryType: "academic",
  now: JAN_15_2025,
  ...overrides,
});

/** Twenty academic librarians equal in every way that ranking looks at. */
const equals = Array.from({ length: 20 }, (_, i) => mentor({ userId: `m${i}` }));
/** The service's search, with `demand` as what the requests feature knows. */
const searchMentors = (service: MentorService, demand: MentorDemand, q: SearchQuery) => {
  service.setDemand(demand);
  return service.search(q);
};
const ids = (result: { results: { profile: { userId: string } }[] }) =>
  result.results.map((r) => r.profile.userId);

describe("searchMentors: the library type", () => {
  it("lists only librarians of the type, up to the limit, and counts them all", async () => {
    const service = await serviceOf(
      ...equals.slice(0, 7),
      mentor({ userId: "pub", libraryTypes: ["public-library"] }),
      mentor({ userId: "both", libraryTypes: ["public-library", "academic"] }),
    );
    const result = searchMentors(service, NO_DEMAND, query());
    expect(result.total).toBe(8);
    expect(result.results).toHaveLength(5);
    expect(ids(result)).not.toContain("pub");
    expect(searchMentors(service, NO_DEMAND, query({ limit: 50 })).results).toHaveLength(8);
    expect(ids(searchMentors(service, NO_DEMAND, query({ libraryType: "public" })))).toEqual(
      expect.arrayContaining(["pub", "both"]),
    );
  });

  it("accepts names and aliases, and suggests for unknown ones", async () => {
    const service = await serviceOf(mentor({ userId: "a" }));
    expect(searchMentors(service, NO_DEMAND, query({ libraryType: "University" })).total).toBe(1);
    expect(
      validationErrorFrom(() => searchMentors(service, NO_DEMAND, query({ libraryType: "acadmic" }))),
    ).toMatchObject({
      field: "libraryType",
      message: expect.stringMatching(
        /^I don't know the library type "acadmic"\. Did you mean Academic library \(academic\)/,
      ),
    });
  });

  it("keeps guilds apart", async () => {
    const service = await serviceOf(
      mentor({ userId: "a", guildId: "g1" }),
      mentor({ userId: "b", guildId: "g2" }),
    );
    expect(ids(searchMentors(service, NO_DEMAND, query({ guildId: "g1" })))).toEqual(["a"]);
    expect(ids(searchMentors(service, NO_DEMAND, query({ guildId: "g2" })))).toEqual(["b"]);
    expect(searchMentors(service, NO_DEMAND, query({ guildId: "g3" })).total).toBe(0);
  });
});

describe("searchMentors: filters", () => {
  it("never lists the seeker themself", async () => {
    const service = await serviceOf(mentor({ userId: "seeker" }), mentor({ userId: "other" }));
    expect(ids(searchMentors(service, NO_DEMAND, query()))).toEqual(["other"]);
  });

  it("hides paused librarians, and lists them again once their pause has run out", async () => {
    const service = await serviceOf(
      mentor({ userId: "open" }),
      mentor({ userId: "indefinite" }, { pausedAt: JAN_15_2025 - DAY_MS }),
      mentor({ userId: "week" }, { pausedAt: JAN_15_2025, pausedUntil: JAN_15_2025 + 7 * DAY_MS }),
    );
    expect(ids(searchMentors(service, NO_DEMAND, query()))).toEqual(["open"]);
    const later = ids(searchMentors(service, NO_DEMAND, query({ now: JAN_15_2025 + 7 * DAY_MS, limit: 10 })));
    expect(later.sort()).toEqual(["open", "week"]);
  });

  it("hides librarians at their monthly capacity", async () => {
    const demand = new FakeDemand();
    const service = await serviceOf(
      mentor({ userId: "full", monthlyCapacity: 2 }),
      mentor({ userId: "room", monthlyCapacity: 3 }),
      mentor({ userId: "idle", monthlyCapacity: 1 }),
    );
    demand.active.set("g1/full", 2);
    demand.active.set("g1/room", 2);
    const result = searchMentors(service, demand, query());
    expect(ids(result).sort()).toEqual(["idle", "room"]);
    // `total` counts matches before availability: see SearchResult.
    expect(result.total).toBe(3);
  });

  it("hides librarians the demand provider excludes for this seeker only", async () => {
    const demand = new FakeDemand();
    const service = await serviceOf(mentor({ userId: "a" }), mentor({ userId: "b" }));
    demand.excluded.add("g1/seeker>a");
    expect(ids(searchMentors(service, demand, query()))).toEqual(["b"]);
    expect(ids(searchMentors(service, demand, query({ seekerId: "other" }))).sort()).toEqual(["a", "b"]);
  });

  it("filters by format when one is given", async () => {
    const service = await serviceOf(
      mentor({ userId: "video", formats: ["video"] }),
      mentor({ userId: "phone", formats: ["phone", "text"] }),
      mentor({ userId: "person", formats: ["in-person"] }),
    );
    expect(ids(searchMentors(service, NO_DEMAND, query({ format: "phone" })))).toEqual(["phone"]);
    expect(ids(searchMentors(service, NO_DEMAND, query({ format: "In person" })))).toEqual(["person"]);
    expect(searchMentors(service, NO_DEMAND, query({ format: "" })).total).toBe(3);
    expect(validationErrorFrom(() => searchMentors(service, NO_DEMAND, query({ format: "fax" }))).field).toBe(
      "formats",
    );
  });

  it("filters by keyword, case-insensitively, at the start of words", async () => {
    const service = await serviceOf(
      mentor({ userId: "topic", topics: ["Cataloging", "metadata"] }),
      mentor({ userId: "bio", bio: "Years of copy-cataloging in a small college." }),
      mentor({ userId: "none", topics: ["outreach"], bio: "I love a fresh start." }),
    );
    expect(ids(searchMentors(service, NO_DEMAND, query({ keyword: "CATALOG" })))).toEqual(["topic", "bio"]);
    expect(searchMentors(service, NO_DEMAND, query({ keyword: "art" })).total).toBe(0);
    // Every word has to be found somewhere.
    expect(ids(searchMentors(service, NO_DEMAND, query({ keyword: "metadata cataloging" })))).toEqual([
      "topic",
    ]);
    expect(
      validationErrorFrom(() => searchMentors(service, NO_DEMAND, query({ keyword: "k".repeat(101) })))
        .message,
    ).toBe("Keyword is 101 characters; the limit is 100.");
  });

  it("filters by role: one of its match words starts a word of the topics or role, not the bio", async () => {
    const reference = "Reference librarian";
    const service = await serviceOf(
      mentor({ userId: "topic", topics: ["Cataloguing"], role: reference }),
      mentor({ userId: "role", topics: ["outreach"], role: "Metadata librarian" }),
      mentor({ userId: "phrase", topics: ["technical services"], role: reference }),
      mentor({ userId: "bio", topics: ["outreach"], role: reference, bio: "Years of MARC records." }),
      mentor({ userId: "half", topics: ["technical writing"], role: reference }),
      mentor({ userId: "marketing", topics: ["marketing"], role: reference }),
    );
    const sorted = (q: SearchQuery) => ids(searchMentors(service, NO_DEMAND, q)).sort();
    for (const role of ["cataloging", "cataloguing", "Cataloging and metadata"])
      expect(sorted(query({ role, limit: 10 })), role).toEqual(["phrase", "role", "topic"]);
    // The role narrows; a keyword still has to match too.
    expect(sorted(query({ role: "cataloging", keyword: "outreach", limit: 10 }))).toEqual(["role"]);
    expect(searchMentors(service, NO_DEMAND, query({ role: "" })).total).toBe(6);
    expect(
      validationErrorFrom(() => searchMentors(service, NO_DEMAND, query({ role: "astronaut" }))).field,
    ).toBe("role");
  });

  it("counts librarians of related types through the role filter too", async () => {
    const service = await serviceOf(
      mentor({ userId: "cc-teacher", libraryTypes: ["community-college"], topics: ["information literacy"] }),
      mentor({
        userId: "cc-circ",
        libraryTypes: ["community-college"],
        topics: ["circulation"],
        role: "Clerk",
      }),
    );
    const result = searchMentors(service, NO_DEMAND, query({ role: "instruction" }));
    expect(result.results).toEqual([]);
    expect(result.nearby).toEqual([
      { type: "community-college", name: "Community college library", count: 1 },
    ]);
  });
});

describe("searchMentors: availability", () => {
  it("lists those asked lately after everyone of the same fit who was not", async () => {
    const demand = new FakeDemand();
    const service = await serviceOf(...equals);
    const order = ids(searchMentors(service, demand, query({ limit: 20 })));
    for (const id of order.slice(0, 7)) demand.asked.set(`g1/${id}`, 2);
    demand.asked.set(`g1/${order[7]}`, 1);
    const result = searchMentors(service, demand, query({ limit: 15 }));
    expect(ids(result)).toEqual([...order.slice(8), order[7], order[0], order[1]]);
    expect(result.results.map((r) => r.score.askedLast30Days)).toEqual([...Array(12).fill(0), 1, 2, 2]);
  });

  it("still finds the best available when the front runners are busy", async () => {
    const demand = new FakeDemand();
    const all = searchMentors(await serviceOf(...equals), demand, query({ limit: 20 }));
    const [first, second, third] = ids(all);
    demand.active.set(`g1/${first}`, 2);
    demand.excluded.add(`g1/seeker>${second}`);
    expect(ids(searchMentors(await serviceOf(...equals), demand, query({ limit: 1 })))).toEqual([third]);
  });
});

describe("searchMentors: ranking by fit", () => {
  it("ranks a keyword in topics over the role over bio, career moves or institution", async () => {
    const service = await serviceOf(
      mentor({ userId: "bio", bio: "I run our archives program." }),
      mentor({ userId: "moves", careerMoves: "archives → academic" }),
      mentor({ userId: "institution", institution: "Archives of a small college" }),
      mentor({ userId: "role", role: "Archives and special collections lead" }),
      mentor({ userId: "topic", topics: ["archives"] }),
    );
    const result = searchMentors(service, NO_DEMAND, query({ keyword: "archives", limit: 10 }));
    expect(ids(result).slice(0, 2)).toEqual(["topic", "role"]);
    expect(ids(result).slice(2).sort()).toEqual(["bio", "institution", "moves"]);
    expect(result.results.map((r) => r.score.keyword)).toEqual([3, 2, 1, 1, 1]);
  });

  it("counts each librarian once, at their heaviest weight, however many of their words a keyword starts", async () => {
    const service = await serviceOf(
      mentor({ userId: "both", topics: ["cataloging"], bio: "Catalogs, catalogers and cataloging." }),
      mentor({ userId: "bio", topics: ["outreach"], bio: "Some cataloging now and then." }),
    );
    // "catalog" starts three different words of the first librarian; "catalogi" only one word at all.
    for (const keyword of ["catalog", "catalogi"]) {
      const result = searchMentors(service, NO_DEMAND, query({ keyword, limit: 10 }));
      expect(result.total).toBe(2);
      expect(result.results.map((r) => [r.profile.userId, r.score.keyword])).toEqual([
        ["both", 3],
        ["bio", 1],
      ]);
    }
  });

  it("ranks a keyword match above being asked less", async () => {
    const demand = new FakeDemand();
    demand.asked.set("g1/topic", 9);
    const service = await serviceOf(
      mentor({ userId: "topic", topics: ["grants"] }),
      mentor({ userId: "role", role: "Grants lead" }),
    );
    expect(ids(searchMentors(service, demand, query({ keyword: "grants" })))).toEqual(["topic", "role"]);
  });

  it("ranks nearer time-zone bands first and reports the distance", async () => {
    const service = await serviceOf(
      mentor({ userId: "tokyo", timeZone: "Asia/Tokyo" }),
      mentor({ userId: "london", timeZone: "Europe/London" }),
      mentor({ userId: "denver", timeZone: "America/Denver" }),
    );
    const result = searchMentors(service, NO_DEMAND, query({ timeZone: "America/New_York" }));
    expect(ids(result)).toEqual(["denver", "london", "tokyo"]);
    expect(result.results.map((r) => [r.score.timeZoneHours, r.score.timeZoneBand])).toEqual([
      [2, 0],
      [5, 1],
      [10, 3],
    ]);
  });

  it("treats zones in one band as equally close, so fairness decides between them", async () => {
    const demand = new FakeDemand();
    demand.asked.set("g1/chicago", 3);
    const service = await serviceOf(
      mentor({ userId: "chicago", timeZone: "America/Chicago" }),
      mentor({ userId: "new-york", timeZone: "America/New_York" }),
    );
    expect(ids(searchMentors(service, demand, query({ timeZone: "America/Chicago" })))).toEqual([
      "new-york",
      "chicago",
    ]);
  });

  it("ranks a time-zone band above being asked less", async () => {
    const demand = new FakeDemand();
    demand.asked.set("g1/near", 5);
    const service = await serviceOf(
      mentor({ userId: "near", timeZone: "America/Chicago" }),
      mentor({ userId: "far", timeZone: "Asia/Tokyo" }),
    );
    expect(ids(searchMentors(service, demand, query({ timeZone: "UTC-6" })))).toEqual(["near", "far"]);
  });

  it("uses the offsets in force at `now`", async () => {
    // Chicago is 6 hours from London in January but 5 in mid-March: band 2, then band 1.
    const service = await serviceOf(mentor({ userId: "london", timeZone: "Europe/London" }));
    const january = searchMentors(service, NO_DEMAND, query({ timeZone: "America/Chicago" }));
    const march = searchMentors(
      service,
      NO_DEMAND,
      query({ timeZone: "America/Chicago", now: Date.UTC(2025, 2, 20) }),
    );
    expect(january.results[0]?.score.timeZoneHours).toBe(6);
    expect(march.results[0]?.score.timeZoneHours).toBe(5);
  });

  it("rejects a seeker time zone that is not one", async () => {
    const service = await serviceOf();
    expect(
      validationErrorFrom(() => searchMentors(service, NO_DEMAND, query({ timeZone: "Narnia" }))).field,
    ).toBe("timeZone");
  });
});

describe("searchMentors: fairness", () => {
  it("puts those asked least in the last 30 days first", async () => {
    const demand = new FakeDemand();
    [4, 0, 7, 1, 2].forEach((asked, i) => {
      demand.asked.set(`g1/m${i}`, asked);
    });
    const result = searchMentors(await serviceOf(...equals.slice(0, 5)), demand, query());
    expect(ids(result)).toEqual(["m1", "m3", "m4", "m0", "m2"]);
    expect(result.results.map((r) => r.score.askedLast30Days)).toEqual([0, 1, 2, 4, 7]);
    expect(demand.searches).toEqual([
      { guildId: "g1", seekerId: "seeker", since: JAN_15_2025 - 30 * DAY_MS },
    ]);
  });

  it("gives one seeker the same order all day", async () => {
    const service = await serviceOf(...equals);
    const morning = ids(
      searchMentors(service, NO_DEMAND, query({ limit: 20, now: Date.UTC(2025, 0, 15, 0, 5) })),
    );
    const evening = ids(
      searchMentors(service, NO_DEMAND, query({ limit: 20, now: Date.UTC(2025, 0, 15, 23, 55) })),
    );
    expect(evening).toEqual(morning);
  });

  it("rotates equals differently for different seekers and days", async () => {
    const service = await serviceOf(...equals);
    const orderFor = (seekerId: string, now: number) =>
      ids(searchMentors(service, NO_DEMAND, query({ seekerId, now, limit: 20 })));
    const today = orderFor("seeker", JAN_15_2025);
    expect(orderFor("someone-else", JAN_15_2025)).not.toEqual(today);
    expect(orderFor("seeker", JAN_15_2025 + DAY_MS)).not.toEqual(today);
    expect(today.slice().sort()).toEqual(equals.map((m) => m.userId).sort());
  });

  for (const [name, filters] of [
    ["no filter", {}],
    ["one keyword word", { keyword: "instruction" }],
    ["a format", { format: "video" }],
    ["two keyword words", { keyword: "first-year students" }],
  ] as const) {
    it(`spreads first place around (${name}): over 200 seekers, nobody is on top more than a few times`, async () => {
      const service = await serviceOf(...equals);
      const firsts = new Map<string, number>();
      for (let i = 0; i < 200; i++) {
        const first =
          ids(searchMentors(service, NO_DEMAND, query({ ...filters, seekerId: `s${i}` })))[0] ?? "";
        firsts.set(first, (firsts.get(first) ?? 0) + 1);
      }
      // 10 each on average; a fixed order would give one librarian all 200.
      expect(firsts.size).toBeGreaterThanOrEqual(15);
      expect(Math.max(...firsts.values())).toBeLessThanOrEqual(25);
    });
  }

  it("lists as a fresh start-up would after joins, edits, pauses and departures between searches", async () => {
    const many = Array.from({ length: 60 }, (_, i) =>
      mentor({ userId: `m${i}`, topics: i % 3 === 0 ? ["instruction", "data"] : ["data"] }),
    );
    const service = await serviceOf(...many);
    const searches = [
      query({ limit: 25 }),
      query({ limit: 25, keyword: "data" }),
      query({ keyword: "instr" }),
    ];
    const check = async () => {
      const fresh = await serviceOf(...service.list("g1"));
      for (const q of searches) {
        expect(ids(searchMentors(service, NO_DEMAND, q)), JSON.stringify(q)).toEqual(
          ids(searchMentors(fresh, NO_DEMAND, q)),
        );
      }
    };
    const changes = [
      () => service.leave("g1", "m0"),
      () => service.edit("g1", "m7", { topics: "instruction" }),
      () => service.join(profileInput({ userId: "m70", topics: "data" })),
      () => service.pause("g1", "m3"),
      () => service.remove("g1", "m59"),
      () => service.edit("g1", "m12", { libraryTypes: "law" }),
    ];
    await check();
    for (const change of changes) {
      await change();
      await check();
    }
    const instruction = ids(searchMentors(service, NO_DEMAND, query({ limit: 25, keyword: "instruction" })));
    expect(instruction).toContain("m7");
    expect(instruction).not.toContain("m3");
    expect(ids(searchMentors(service, NO_DEMAND, query({ libraryType: "law" })))).toEqual(["m12"]);
  });

  it("orders by keyword, then time-zone band, then times asked, then rotation", async () => {
    const demand = new FakeDemand();
    const librarians = Array.from({ length: 24 }, (_, i) =>
      mentor({
        userId: `m${i}`,
        topics: i % 2 ? ["grants"] : ["outreach"],
        role: i % 2 ? "Librarian" : "Grants lead",
        timeZone: ["UTC", "Asia/Tokyo"][i % 3 === 0 ? 1 : 0],
      }),
    );
    librarians.forEach((m, i) => {
      demand.asked.set(`g1/${m.userId}`, i % 4);
    });
    const service = await serviceOf(...librarians);
    const { results } = searchMentors(
      service,
      demand,
      query({ keyword: "grants", limit: 25, timeZone: "UTC" }),
    );
    const scores = results.map(({ score }) => [
      -score.keyword,
      score.timeZoneBand ?? 0,
      score.askedLast30Days,
      score.rotation,
    ]);
    const inOrder = (a: number[], b: number[]) => {
      const at = a.findIndex((value, i) => value !== b[i]);
      return at < 0 ? 0 : (a[at] as number) - (b[at] as number);
    };
    expect(scores).toEqual([...scores].sort(inOrder));
    expect(new Set(scores.map((score) => score.join())).size).toBe(24);
  });
});

describe("searchMentors: nothing found", () => {
  const libs = (n: number, prefix: string, overrides: Partial<ProfileInput>) =>
    Array.from({ length: n }, (_, i) => mentor({ ...overrides, userId: `${prefix}${i}` }));

  it("returns counts for the nearest related types that would have someone, nearest first", async () => {
    const service = await serviceOf(
      ...libs(4, "pub", { libraryTypes: ["public-library"] }),
      ...libs(1, "special", { libraryTypes: ["special"] }),
      ...libs(2, "law", { libraryTypes: ["law"] }),
      ...libs(3, "cc", { libraryTypes: ["community-college"] }),
      ...libs(5, "arch", { libraryTypes: ["archives"] }),
    );
    const result = searchMentors(service, NO_DEMAND, query());
    // Academic's related types: community college, medical, law, archives, special. Public is not one.
    expect(result).toEqual({
      results: [],
      total: 0,
      nearby: [
        { type: "community-college", name: "Community college library", count: 3 },
        { type: "law", name: "Law library", count: 2 },
        { type: "archives", name: "Archives", count: 5 },
      ],
    });
  });

  it("applies the keyword to nearby types too", async () => {
    const service = await serviceOf(
      ...libs(3, "cc", { libraryTypes: ["community-college"], topics: ["grants"] }),
      ...libs(2, "law", { libraryTypes: ["law"], topics: ["moot court"] }),
    );
    expect(searchMentors(service, NO_DEMAND, query({ keyword: "grant" })).nearby).toEqual([
      { type: "community-college", name: "Community college library", count: 3 },
    ]);
  });

  it("counts librarians matching the same search, busy ones included", async () => {
    const demand = new FakeDemand();
    demand.active.set("g1/cc0", 2);
    const service = await serviceOf(
      ...libs(3, "cc", { libraryTypes: ["community-college"], formats: ["phone"] }),
      mentor({ userId: "law-video", libraryTypes: ["law"], formats: ["video"] }),
      mentor({ userId: "paused", libraryTypes: ["medical"], formats: ["phone"] }, { pausedAt: 1 }),
    );
    const result = searchMentors(service, demand, query({ format: "phone" }));
    expect(result.nearby).toEqual([
      { type: "community-college", name: "Community college library", count: 3 },
    ]);
  });

  it("points elsewhere when everyone of the type is busy, and says how many match", async () => {
    const demand = new FakeDemand();
    demand.active.set("g1/a", 2);
    demand.excluded.add("g1/seeker>b");
    const service = await serviceOf(
      mentor({ userId: "a" }),
      mentor({ userId: "b" }),
      ...libs(2, "cc", { libraryTypes: "cc" }),
    );
    expect(searchMentors(service, demand, query())).toEqual({
      results: [],
      total: 2,
      nearby: [{ type: "community-college", name: "Community college library", count: 2 }],
    });
  });

  it("returns an empty nearby list in an empty guild", async () => {
    expect(searchMentors(await serviceOf(), NO_DEMAND, query())).toEqual({
      results: [],
      total: 0,
      nearby: [],
    });
  });

  it("has no nearby list when something matched", async () => {
    expect(searchMentors(await serviceOf(mentor()), NO_DEMAND, query())).not.toHaveProperty("nearby");
  });
});
