import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MentorService } from "../../src/domain/mentors/service.js";
import { profileInput } from "../mentors/fixtures.js";
import { DAY, type Fixture, fixture, GUILD, requestInput, TERMS } from "./helpers.js";

let f: Fixture;
beforeEach(async () => {
  f = await fixture();
});
afterEach(() => f.store.close());

const SEEKERS = ["s1", "s2", "s3"];
const MENTORS = ["m1", "m2", "m3", "m4"];

/** What search learns about every pair through forSearch, and through the three questions one by one. */
function bothWays(since: number) {
  const now = f.clock.now;
  return SEEKERS.map((seeker) => {
    const view = f.requests.demand.forSearch(GUILD, seeker, now, since);
    return MENTORS.flatMap((mentor) =>
      [1, 2, 3].map((capacity) => {
        const oneByOne =
          f.requests.demand.activeThisMonth(GUILD, mentor, now) >= capacity ||
          f.requests.demand.isExcluded(GUILD, seeker, mentor, now)
            ? -1
            : f.requests.demand.askedSince(GUILD, mentor, since);
        return {
          pair: `${seeker}>${mentor} capacity ${capacity}`,
          forSearch: view.askedIfAvailable(mentor, capacity),
          oneByOne,
        };
      }),
    );
  });
}

function expectAgreement(since: number): void {
  for (const row of bothWays(since).flat()) expect(row.forSearch, row.pair).toEqual(row.oneByOne);
}

describe("demand for one search (forSearch)", () => {
  it("says nobody was asked in a guild without requests", () => {
    const view = f.requests.demand.forSearch(GUILD, "s1", f.clock.now, 0);
    expect(view.askedIfAvailable("m1", 1)).toBe(0);
  });

  it("agrees with the three questions asked one by one, through answers, months and blocks", async () => {
    const ask = (seeker: string, mentor: string) =>
      f.requests.lifecycle.create(requestInput(seeker, mentor), TERMS);
    const declined = await ask("s1", "m1");
    await f.requests.lifecycle.decline(GUILD, declined.id, "m1");
    const accepted = await ask("s1", "m2");
    await f.requests.lifecycle.accept(GUILD, accepted.id, "m2");
    await ask("s2", "m1");
    await ask("s2", "m2");
    expectAgreement(0);
    f.clock.now += 25 * DAY;
    await ask("s3", "m3");
    await f.requests.blocks.block(GUILD, "m4", "s3");
    expectAgreement(f.clock.now - 30 * DAY);
    const counted = bothWays(0)
      .flat()
      .map((row) => row.forSearch);
    // Some librarians are full or excluded for some seekers, others were asked and are still free.
    expect(counted).toContain(-1);
    expect(counted.some((asked) => asked > 0)).toBe(true);
    f.clock.now += 100 * DAY;
    expectAgreement(f.clock.now - 30 * DAY);
  });
});

describe("mentor search with the request service as demand", () => {
  it("leaves out the full, the recently asked and the blocking, and lists the least asked first", async () => {
    const mentors = new MentorService({
      store: f.store,
      demand: f.requests.demand,
      clock: () => f.clock.now,
    });
    await mentors.load();
    for (const [userId, monthlyCapacity] of [
      ["m1", 2],
      ["m2", 1],
      ["m3", 2],
      ["m4", 2],
    ] as const)
      await mentors.join(profileInput({ guildId: GUILD, userId, monthlyCapacity }));
    await f.requests.lifecycle.create(requestInput("s1", "m1"), TERMS);
    const accepted = await f.requests.lifecycle.create(requestInput("s2", "m2"), TERMS);
    await f.requests.lifecycle.accept(GUILD, accepted.id, "m2");
    await f.requests.blocks.block(GUILD, "m4", "s1");
    const search = (seekerId: string) =>
      mentors.search({ guildId: GUILD, seekerId, libraryType: "academic", limit: 10 });

    const forS1 = search("s1");
    expect(forS1.results.map((r) => r.profile.userId)).toEqual(["m3"]);
    expect(forS1.total).toBe(4);
    const forS3 = search("s3").results;
    expect(
      forS3
        .map((r) => r.profile.userId)
        .slice(0, 2)
        .sort(),
    ).toEqual(["m3", "m4"]);
    expect(forS3.map((r) => [r.profile.userId, r.score.askedLast30Days]).slice(2)).toEqual([["m1", 1]]);
    expect(forS3.map((r) => r.score.askedLast30Days)).toEqual([0, 0, 1]);
  });
});
