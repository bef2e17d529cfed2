import { describe, expect, it } from "vitest";
import {
  formatAwayDates,
  formatWeeklyWindows,
  isAway,
  parseAwayDates,
  parseWeeklyWindows,
  summarizeWindows,
} from "../../src/domain/mentors/availability.js";
import { validateProfileInput } from "../../src/domain/mentors/profile.js";

const messageOf = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected an error");
};

describe("weekly windows", () => {
  it("reads days and 24-hour spans, sorted, with lists and ranges of days", () => {
    expect(parseWeeklyWindows("Thu 10:00-12:00, tue 14:00-16:00")).toEqual([
      { day: 2, start: 14 * 60, end: 16 * 60 },
      { day: 4, start: 10 * 60, end: 12 * 60 },
    ]);
    expect(parseWeeklyWindows("Mon-Wed 9:30-10:30").map((w) => w.day)).toEqual([1, 2, 3]);
    expect(parseWeeklyWindows("Tuesday/Thursday 18:00-24:00").map((w) => [w.day, w.end])).toEqual([
      [2, 1440],
      [4, 1440],
    ]);
    expect(parseWeeklyWindows("Sat-Mon 10:00-11:00").map((w) => w.day)).toEqual([0, 1, 6]);
    expect(parseWeeklyWindows("  ")).toEqual([]);
  });

  it("writes them back the way they are read", () => {
    const text = "Mon 09:00-10:30, Thu 14:00-16:00";
    expect(formatWeeklyWindows(parseWeeklyWindows(text))).toBe(text);
  });

  it("explains what to fix, quoting the part", () => {
    expect(messageOf(() => parseWeeklyWindows("Tue 2pm-4pm"))).toBe(
      '"Tue 2pm-4pm" is not a weekly time. Write a day and a span on the 24-hour clock, like Tue 14:00-16:00, Thu 10:00-12:00.',
    );
    expect(messageOf(() => parseWeeklyWindows("Tusday 14:00-16:00"))).toContain(
      '"Tusday" is not a day of the week',
    );
    expect(messageOf(() => parseWeeklyWindows("Tue 16:00-14:00"))).toContain(
      "at least 30 minutes after it starts",
    );
    expect(messageOf(() => parseWeeklyWindows("Tue 25:00-26:00"))).toContain("25:00 is not a time of day");
    expect(
      messageOf(() => parseWeeklyWindows("Mon-Sun 09:00-10:00, Mon-Sun 11:00-12:00, Mon 13:00-14:00")),
    ).toBe("That is 15 weekly windows; the limit is 14.");
  });

  it("sums them up for a card by the part of the day", () => {
    expect(summarizeWindows(parseWeeklyWindows("Tue 14:00-16:00, Thu 13:00-15:00"))).toBe(
      "Tue/Thu afternoons",
    );
    expect(summarizeWindows(parseWeeklyWindows("Mon-Fri 08:00-09:00, Sat 18:00-20:00"))).toBe(
      "Mon–Fri mornings, Sat evenings",
    );
    expect(summarizeWindows(parseWeeklyWindows("Sun 10:00-11:00, Mon 10:00-11:00"))).toBe("Mon/Sun mornings");
    expect(summarizeWindows(undefined)).toBeUndefined();
  });
});

describe("away dates", () => {
  it("reads days and spans in date order", () => {
    const ranges = parseAwayDates("2027-04-01 to 2027-04-10, 2027-03-15");
    expect(ranges).toEqual([
      { from: "2027-03-15", to: "2027-03-15" },
      { from: "2027-04-01", to: "2027-04-10" },
    ]);
    expect(formatAwayDates(ranges)).toBe("2027-03-15, 2027-04-01 to 2027-04-10");
    expect(isAway(ranges, "2027-04-05")).toBe(true);
    expect(isAway(ranges, "2027-04-11")).toBe(false);
  });

  it("refuses what is not a date or a span that ends first", () => {
    expect(messageOf(() => parseAwayDates("next week"))).toContain(
      '"next week" is not a date like 2027-03-15',
    );
    expect(messageOf(() => parseAwayDates("2027-02-30"))).toContain('"2027-02-30" is not a date');
    expect(messageOf(() => parseAwayDates("2027-04-10 to 2027-04-01"))).toBe(
      '"2027-04-10 to 2027-04-01" ends before it starts.',
    );
  });
});

describe("a profile's availability", () => {
  const base = {
    guildId: "1",
    userId: "2",
    displayName: "Casey",
    libraryTypes: ["academic"],
    role: "Librarian",
    region: "Midwest",
    timeZone: "America/Chicago",
    formats: ["video"],
    bio: "Hello.",
  };

  it("is optional, and stored parsed; a stored profile passes again unchanged", () => {
    expect(validateProfileInput(base)).not.toHaveProperty("weeklyWindows");
    const valid = validateProfileInput({
      ...base,
      weeklyWindows: "Tue 14:00-16:00",
      awayDates: "2027-03-15",
      avoidTopics: "Salary, my old job",
    });
    expect(valid.weeklyWindows).toEqual([{ day: 2, start: 840, end: 960 }]);
    expect(valid.awayDates).toEqual([{ from: "2027-03-15", to: "2027-03-15" }]);
    expect(valid.avoidTopics).toEqual(["salary", "my old job"]);
    expect(validateProfileInput({ ...base, ...valid })).toEqual(valid);
  });

  it("names the field to fix", () => {
    expect(() => validateProfileInput({ ...base, weeklyWindows: "whenever" })).toThrow(
      expect.objectContaining({ field: "weeklyWindows" }),
    );
    expect(() => validateProfileInput({ ...base, avoidTopics: "x".repeat(41) })).toThrow(
      expect.objectContaining({ field: "avoidTopics" }),
    );
  });
});
