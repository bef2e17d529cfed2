import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/domain/errors.js";
import {
  normalizeTimeZone,
  parseTimeZone,
  timeZoneDistanceHours,
  utcOffsetMinutes,
} from "../../src/domain/mentors/timezone.js";
import { validationErrorFrom } from "./fixtures.js";

const JANUARY = new Date(Date.UTC(2025, 0, 15, 12));
const JULY = new Date(Date.UTC(2025, 6, 15, 12));
// The US moved its clocks on 9 March 2025, the UK not until 30 March.
const MID_MARCH = new Date(Date.UTC(2025, 2, 20, 12));

describe("normalizeTimeZone", () => {
  it.each([
    ["America/Chicago", "America/Chicago"],
    ["  america/chicago ", "America/Chicago"],
    ["EUROPE/LONDON", "Europe/London"],
    ["Etc/GMT+5", "Etc/GMT+5"],
    ["utc", "UTC"],
    ["GMT", "UTC"],
  ])("reads the IANA name %j as %j", (input, expected) => {
    expect(normalizeTimeZone(input)).toBe(expected);
  });

  it.each([
    ["UTC-5", "UTC-05:00"],
    ["utc+05:30", "UTC+05:30"],
    ["UTC+0530", "UTC+05:30"],
    ["+02:00", "UTC+02:00"],
    ["-3", "UTC-03:00"],
    ["\u22123", "UTC-03:00"],
    ["GMT+2", "UTC+02:00"],
    ["UTC +14", "UTC+14:00"],
    ["UTC-12:00", "UTC-12:00"],
    ["UTC+0", "UTC"],
    ["-00:00", "UTC"],
  ])("reads the offset %j as %j", (input, expected) => {
    expect(normalizeTimeZone(input)).toBe(expected);
  });

  it("maps US abbreviations to the zones whose clocks change with daylight time", () => {
    expect(normalizeTimeZone("CST")).toBe("America/Chicago");
    expect(normalizeTimeZone("est")).toBe("America/New_York");
    expect(normalizeTimeZone("PDT")).toBe("America/Los_Angeles");
  });

  it.each([
    "",
    "   ",
    "Mars/Olympus_Mons",
    "Chicago",
    "UTC+15",
    "UTC-13",
    "+05:60",
    "UTC+5:3",
    "5",
    "America/Chicago; DROP TABLE",
  ])("rejects %j", (input) => {
    expect(normalizeTimeZone(input)).toBeUndefined();
  });
});

describe("parseTimeZone", () => {
  it("returns the normalised zone", () => {
    expect(parseTimeZone("utc-5")).toBe("UTC-05:00");
  });

  it("throws a ValidationError that says what to type", () => {
    expect(() => parseTimeZone("Nowhere/Land")).toThrow(ValidationError);
    expect(() => parseTimeZone("Nowhere/Land")).toThrow(
      '"Nowhere/Land" is not a time zone. Use a name such as America/Chicago or an offset such as UTC-5.',
    );
    expect(validationErrorFrom(() => parseTimeZone("x", "seekerZone")).field).toBe("seekerZone");
  });
});

describe("utcOffsetMinutes", () => {
  it("follows daylight saving time for IANA zones", () => {
    expect(utcOffsetMinutes("America/Chicago", JANUARY)).toBe(-360);
    expect(utcOffsetMinutes("America/Chicago", JULY)).toBe(-300);
    expect(utcOffsetMinutes("Europe/London", JANUARY)).toBe(0);
    expect(utcOffsetMinutes("Europe/London", JULY)).toBe(60);
    expect(utcOffsetMinutes("Australia/Sydney", JANUARY)).toBe(660);
    expect(utcOffsetMinutes("Australia/Sydney", JULY)).toBe(600);
  });

  it("handles zones off the hour and zones without DST", () => {
    expect(utcOffsetMinutes("Asia/Kathmandu", JULY)).toBe(345);
    expect(utcOffsetMinutes(parseTimeZone("Asia/Kolkata"), JANUARY)).toBe(330);
    expect(utcOffsetMinutes("America/Phoenix", JULY)).toBe(-420);
    expect(utcOffsetMinutes("Etc/GMT+5", JULY)).toBe(-300);
  });

  it("reads fixed offsets and UTC without Intl", () => {
    expect(utcOffsetMinutes("UTC", JULY)).toBe(0);
    expect(utcOffsetMinutes("UTC-05:00", JULY)).toBe(-300);
    expect(utcOffsetMinutes("UTC+05:30", JANUARY)).toBe(330);
  });
});

describe("timeZoneDistanceHours", () => {
  it("changes as each side moves its clocks", () => {
    expect(timeZoneDistanceHours("America/Chicago", "Europe/London", JANUARY)).toBe(6);
    expect(timeZoneDistanceHours("America/Chicago", "Europe/London", MID_MARCH)).toBe(5);
    expect(timeZoneDistanceHours("America/Chicago", "Europe/London", JULY)).toBe(6);
    expect(timeZoneDistanceHours("America/Chicago", "America/Phoenix", JANUARY)).toBe(1);
    expect(timeZoneDistanceHours("America/Chicago", "America/Phoenix", JULY)).toBe(2);
  });

  it("goes round the dial the short way and is symmetric", () => {
    expect(timeZoneDistanceHours("Asia/Tokyo", "America/New_York", JANUARY)).toBe(10);
    expect(timeZoneDistanceHours("America/New_York", "Asia/Tokyo", JANUARY)).toBe(10);
    // +14 and -11 are 25 hours apart on paper, one hour apart on the clock.
    expect(timeZoneDistanceHours("Pacific/Kiritimati", "Pacific/Pago_Pago", JANUARY)).toBe(1);
    expect(timeZoneDistanceHours("UTC+12:00", "UTC-12:00", JANUARY)).toBe(0);
    expect(timeZoneDistanceHours("UTC+06:00", "UTC-06:00", JANUARY)).toBe(12);
  });

  it("mixes offsets and names, half hours included", () => {
    expect(timeZoneDistanceHours("UTC-05:00", "America/Chicago", JANUARY)).toBe(1);
    expect(timeZoneDistanceHours("UTC-05:00", "America/Chicago", JULY)).toBe(0);
    expect(timeZoneDistanceHours("UTC", "UTC+05:30", JULY)).toBe(5.5);
    expect(timeZoneDistanceHours("Europe/Paris", "Europe/Paris", JULY)).toBe(0);
  });
});
