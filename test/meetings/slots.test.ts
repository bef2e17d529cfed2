import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { instantOf, localTimeOf } from "../../src/domain/meetings/local-time.js";
import { offeredSlots } from "../../src/domain/meetings/slots.js";
import { parseAwayDates, parseWeeklyWindows } from "../../src/domain/mentors/availability.js";

const iso = (at: number) => new Date(at).toISOString();
const DAY = 86_400_000;
const horizonMs = loadConfig({}).slotHorizonMs;

describe("local times", () => {
  it("turns a wall-clock reading into an instant, across daylight saving", () => {
    // Chicago is UTC-6 in winter, UTC-5 from 14 March 2027.
    expect(iso(instantOf("2027-03-09", 14 * 60, "America/Chicago") ?? 0)).toBe("2027-03-09T20:00:00.000Z");
    expect(iso(instantOf("2027-03-16", 14 * 60, "America/Chicago") ?? 0)).toBe("2027-03-16T19:00:00.000Z");
    expect(iso(instantOf("2027-07-01", 9 * 60, "Asia/Kolkata") ?? 0)).toBe("2027-07-01T03:30:00.000Z");
    expect(iso(instantOf("2027-07-01", 9 * 60, "UTC-05:00") ?? 0)).toBe("2027-07-01T14:00:00.000Z");
  });

  it("has no instant for a time the clocks skip, and the earlier one for a time they repeat", () => {
    expect(instantOf("2027-03-14", 2 * 60 + 30, "America/Chicago")).toBeUndefined();
    // 1:30 happens twice on 7 November 2027: first at UTC-5.
    expect(iso(instantOf("2027-11-07", 90, "America/Chicago") ?? 0)).toBe("2027-11-07T06:30:00.000Z");
  });

  it("reads an instant back as the zone's date, weekday and minutes", () => {
    expect(localTimeOf(Date.UTC(2027, 2, 16, 19), "America/Chicago")).toEqual({
      date: "2027-03-16",
      weekday: 2,
      minutes: 14 * 60,
    });
  });
});

describe("offered slots", () => {
  const windows = parseWeeklyWindows("Tue 14:00-16:00, Thu 10:00-12:00");
  // Monday 8 March 2027, 12:00 UTC.
  const now = Date.UTC(2027, 2, 8, 12);

  it("offers the start of each window in the next 14 days, at the librarian's clock across a DST change", () => {
    const slots = offeredSlots({ windows, timeZone: "America/Chicago", minutes: 30, now, horizonMs });
    expect(slots.map(iso)).toEqual([
      "2027-03-09T20:00:00.000Z", // Tue 14:00 CST
      "2027-03-11T16:00:00.000Z", // Thu 10:00 CST
      "2027-03-16T19:00:00.000Z", // Tue 14:00 CDT: one hour earlier in UTC
      "2027-03-18T15:00:00.000Z",
    ]);
  });

  it("offers none in the past, on away days or beyond 14 days, and at most 10", () => {
    const later = Date.UTC(2027, 2, 9, 20, 10); // Tue 14:10 in Chicago: that window's first start passed
    const slots = offeredSlots({
      windows,
      awayDates: parseAwayDates("2027-03-11"),
      timeZone: "America/Chicago",
      minutes: 30,
      now: later,
      horizonMs,
    });
    expect(slots[0] && iso(slots[0])).toBe("2027-03-09T20:30:00.000Z");
    expect(slots.map(iso)).not.toContain("2027-03-11T16:00:00.000Z");
    expect(slots.every((at) => at > later && at < later + 14 * DAY)).toBe(true);

    const daily = parseWeeklyWindows("Mon-Sun 09:00-10:00");
    expect(offeredSlots({ windows: daily, timeZone: "UTC", minutes: 30, now, horizonMs })).toHaveLength(10);
  });

  it("offers slots only as far ahead as SLOT_HORIZON", () => {
    const shorter = loadConfig({ SLOT_HORIZON: "3d" }).slotHorizonMs;
    const slots = offeredSlots({
      windows,
      timeZone: "America/Chicago",
      minutes: 30,
      now,
      horizonMs: shorter,
    });
    expect(slots.map(iso)).toEqual(["2027-03-09T20:00:00.000Z"]);
    const longer = loadConfig({ SLOT_HORIZON: "21d" }).slotHorizonMs;
    const more = offeredSlots({ windows, timeZone: "America/Chicago", minutes: 30, now, horizonMs: longer });
    expect(more.map(iso).at(-1)).toBe("2027-03-25T15:00:00.000Z");
    expect(more).toHaveLength(6);
  });

  it("fits the interview's length inside the window", () => {
    const short = parseWeeklyWindows("Tue 14:00-14:30");
    expect(offeredSlots({ windows: short, timeZone: "UTC", minutes: 45, now, horizonMs })).toEqual([]);
    expect(offeredSlots({ windows: short, timeZone: "UTC", minutes: 30, now, horizonMs })).toHaveLength(2);
  });
});
