import { afterEach, describe, expect, it } from "vitest";
import { UserError } from "../../src/domain/errors.js";
import { addEvent, EMPTY_DAY, lastDays, utcDay } from "../../src/domain/stats/counts.js";
import { hoursBetween, median, StatsService } from "../../src/domain/stats/index.js";
import { HOUR_MS } from "../../src/domain/time.js";
import { createStore, guildKey, type Store } from "../../src/store/store.js";
import { recordingLogger, tempDir } from "../requests/helpers.js";

const GUILD = "guild-1";
const DAY = 86_400_000;
const NOON = Date.UTC(2026, 11, 6, 12);

let stores: Store[] = [];
afterEach(async () => {
  await Promise.all(stores.map((store) => store.close()));
  stores = [];
});

async function service(now = NOON, url = "memory://") {
  const store = await createStore({ url });
  stores.push(store);
  const clock = { now };
  const logger = recordingLogger();
  return { store, clock, logger, stats: new StatsService(store, { logger, clock: () => clock.now }) };
}

describe("a day's counts", () => {
  it("counts each kind of event into its own counter", () => {
    const day = [
      { type: "search", libraryType: "law", available: false },
      { type: "search", libraryType: "law", available: false },
      { type: "search", libraryType: "academic", available: true },
      { type: "search", libraryType: "museum", available: false },
      { type: "sent" },
      { type: "sent" },
      { type: "accepted", answerHours: 2 },
      { type: "declined", answerHours: 5.5 },
      { type: "expired" },
      { type: "scheduled" },
      { type: "met", meetHours: 30 },
      { type: "no-show" },
      { type: "rated", rating: 4 },
      { type: "rated", rating: 2 },
      { type: "rating-changed", from: 2, to: 5 },
    ] as const;
    expect(day.reduce(addEvent, EMPTY_DAY)).toEqual({
      searches: 4,
      unmet: { law: 2, museum: 1 },
      sent: 2,
      accepted: 1,
      declined: 1,
      expired: 1,
      scheduled: 1,
      met: 1,
      noShows: 1,
      answerHours: [2, 5.5],
      meetHours: [30],
      ratingSum: 9,
      ratings: 2,
    });
    expect(EMPTY_DAY.sent).toBe(0);
  });

  it("puts a time in its UTC day, whatever the local zone", () => {
    expect(utcDay(Date.UTC(2026, 11, 6, 23, 59, 59, 999))).toBe("2026-12-06");
    expect(utcDay(Date.UTC(2026, 11, 7, 0, 0, 0, 0))).toBe("2026-12-07");
    expect(lastDays(Date.UTC(2026, 0, 1, 0, 0, 1), 3)).toEqual(["2026-01-01", "2025-12-31", "2025-12-30"]);
  });

  it("takes the median of odd and even counts, and of none", () => {
    expect(median([])).toBeUndefined();
    expect(median([7])).toBe(7);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([10, 1, 4, 2])).toBe(3);
  });
});

describe("StatsService", () => {
  it("counts on the UTC day of the event: a second before midnight and at midnight are two days", async () => {
    const { stats, clock } = await service(Date.UTC(2026, 11, 6, 23, 59, 59, 999));
    await stats.record(GUILD, { type: "sent" });
    clock.now = Date.UTC(2026, 11, 7);
    await stats.record(GUILD, { type: "sent" });
    await stats.record(GUILD, { type: "sent" });
    expect((await stats.summary(GUILD, 1)).sent).toBe(2);
    const both = await stats.summary(GUILD, 2);
    expect(both).toMatchObject({ sent: 3, from: "2026-12-06", to: "2026-12-07", days: 2 });
  });

  it("keeps one record per server and day, and servers apart", async () => {
    const { stats, store } = await service();
    await stats.record(GUILD, { type: "sent" });
    await stats.record("guild-2", { type: "expired" });
    await stats.record(GUILD, { type: "sent" }, NOON - DAY);
    expect(await store.get(guildKey(GUILD, "stats", "2026-12-06"))).toMatchObject({ sent: 1, expired: 0 });
    expect(await store.get(guildKey(GUILD, "stats", "2026-12-05"))).toMatchObject({ sent: 1 });
    expect(await store.get(guildKey("guild-2", "stats", "2026-12-06"))).toMatchObject({
      sent: 0,
      expired: 1,
    });
    expect((await stats.summary(GUILD)).expired).toBe(0);
  });

  it("adds up exactly the last `days` UTC days, today included (30 by default)", async () => {
    const { stats } = await service();
    for (const back of [0, 1, 29, 30, 364, 365])
      await stats.record(GUILD, { type: "sent" }, NOON - back * DAY);
    // Counted at the very start of the oldest day in a 30-day window.
    await stats.record(GUILD, { type: "expired" }, Date.UTC(2026, 10, 7));
    await stats.record(GUILD, { type: "expired" }, Date.UTC(2026, 10, 7) - 1);
    expect((await stats.summary(GUILD, 1)).sent).toBe(1);
    expect((await stats.summary(GUILD, 2)).sent).toBe(2);
    const month = await stats.summary(GUILD);
    expect(month).toMatchObject({ days: 30, from: "2026-11-07", to: "2026-12-06", sent: 3, expired: 1 });
    expect((await stats.summary(GUILD, 31)).sent).toBe(4);
    expect((await stats.summary(GUILD, 31)).expired).toBe(2);
    expect((await stats.summary(GUILD, 365)).sent).toBe(5);
  });

  it("refuses a window outside 1 to 365 days", async () => {
    const { stats } = await service();
    for (const days of [0, 366, 2.5, -3]) await expect(stats.summary(GUILD, days)).rejects.toThrow(UserError);
  });

  it("sums searches and unmet demand per type, most unmet first", async () => {
    const { stats } = await service();
    const search = (libraryType: string, available: boolean) =>
      stats.record(GUILD, { type: "search", libraryType, available });
    await search("law", false);
    await stats.record(GUILD, { type: "search", libraryType: "law", available: false }, NOON - 3 * DAY);
    await search("museum", false);
    await search("academic", false);
    await search("academic", true);
    await search("public-library", true);
    const summary = await stats.summary(GUILD, 7);
    expect(summary.searches).toBe(6);
    expect(summary.unmetTotal).toBe(4);
    expect(summary.unmet).toEqual([
      { libraryType: "law", count: 2 },
      { libraryType: "academic", count: 1 },
      { libraryType: "museum", count: 1 },
    ]);
  });

  it("takes medians over every day's values, and averages ratings from sum and count", async () => {
    const { stats } = await service();
    await stats.record(GUILD, { type: "accepted", answerHours: 1 }, NOON - 2 * DAY);
    await stats.record(GUILD, { type: "declined", answerHours: 10 }, NOON - DAY);
    await stats.record(GUILD, { type: "accepted", answerHours: 4 });
    await stats.record(GUILD, { type: "accepted", answerHours: 3 });
    await stats.record(GUILD, { type: "met", meetHours: 48 }, NOON - DAY);
    await stats.record(GUILD, { type: "met", meetHours: 24 });
    await stats.record(GUILD, { type: "rated", rating: 5 }, NOON - DAY);
    await stats.record(GUILD, { type: "rated", rating: 2 });
    await stats.record(GUILD, { type: "rating-changed", from: 2, to: 3 });
    const summary = await stats.summary(GUILD, 3);
    expect(summary).toMatchObject({ medianAnswerHours: 3.5, answers: 4, medianMeetHours: 36, meetings: 2 });
    expect(summary).toMatchObject({ averageRating: 4, ratings: 2, accepted: 3, declined: 1, met: 2 });
    const today = await stats.summary(GUILD, 1);
    expect(today).toMatchObject({ medianAnswerHours: 3.5, medianMeetHours: 24, averageRating: 3 });
    const empty = await stats.summary("guild-2");
    expect(empty).toMatchObject({ medianAnswerHours: undefined, averageRating: undefined, ratings: 0 });
  });

  it("counts scheduled interviews and no-shows (wired by the scheduling and attendance features)", async () => {
    const { stats } = await service();
    await stats.record(GUILD, { type: "scheduled" });
    await stats.record(GUILD, { type: "scheduled" }, NOON - DAY);
    await stats.record(GUILD, { type: "no-show" });
    expect(await stats.summary(GUILD)).toMatchObject({ scheduled: 2, noShows: 1 });
    expect(await stats.summary(GUILD, 1)).toMatchObject({ scheduled: 1, noShows: 1 });
  });

  it("loses no count when many arrive at once, in memory and in SQLite", async () => {
    const dir = tempDir();
    try {
      for (const url of ["memory://", dir.file("stats.sqlite")]) {
        const { stats } = await service(NOON, url);
        await Promise.all(
          Array.from({ length: 200 }, (_, i) =>
            stats.record(GUILD, i % 2 ? { type: "sent" } : { type: "accepted", answerHours: i }),
          ),
        );
        const summary = await stats.summary(GUILD, 1);
        expect(summary).toMatchObject({ sent: 100, accepted: 100, answers: 100 });
      }
    } finally {
      dir.cleanup();
    }
  });

  it("logs a count it could not save and never throws it", async () => {
    const { store, logger } = await service();
    const broken: Store = {
      get: (key) => store.get(key),
      set: (key, value) => store.set(key, value),
      delete: (key) => store.delete(key),
      update: () => Promise.reject(new Error("disk full")),
      claim: (key, value, ttl) => store.claim(key, value, ttl),
      entries: (pattern) => store.entries(pattern),
      close: () => store.close(),
    };
    const stats = new StatsService(broken, { logger, clock: () => NOON });
    await expect(stats.record(GUILD, { type: "sent" })).resolves.toBeUndefined();
    expect(logger.errors).toEqual([
      {
        obj: expect.objectContaining({ guildId: GUILD, event: "sent" }),
        msg: "could not count a stats event",
      },
    ]);
  });

  it("reads a day saved before a counter existed as 0 for it", async () => {
    const { stats, store } = await service();
    await store.set(guildKey(GUILD, "stats", "2026-12-06"), { sent: 2, searches: 1, unmet: {} });
    await stats.record(GUILD, { type: "no-show" });
    expect(await stats.summary(GUILD, 1)).toMatchObject({ sent: 2, searches: 1, noShows: 1, scheduled: 0 });
  });
});

it("keeps durations in hours to two decimals", () => {
  expect(hoursBetween(0, 90 * 60_000)).toBe(1.5);
  expect(hoursBetween(0, HOUR_MS / 3)).toBe(0.33);
  expect(hoursBetween(10, 0)).toBe(0);
});
