import { ValidationError } from "../errors.js";
import { MINUTE_MS } from "../time.js";

/**
 * A time zone as stored: an IANA name in its canonical spelling ("America/Chicago"), "UTC", or a
 * fixed offset written "UTC-05:00" / "UTC+05:30".
 */
export type TimeZone = string;

const OFFSET = /^(?:(?:UTC|GMT)\s*)?([+\-\u2212])\s*(\d{1,2})(?::?(\d{2}))?$/i;
const NORMALISED_OFFSET = /^UTC([+-])(\d{2}):(\d{2})$/;
const MIN_OFFSET = -12 * 60;
const MAX_OFFSET = 14 * 60;

// Americans often type these. Intl reads "EST" as fixed UTC-5 with no daylight time, which is not
// what they mean; the names below follow the clocks on their walls.
const ABBREVIATIONS: Record<string, string> = {
  EST: "America/New_York",
  EDT: "America/New_York",
  CST: "America/Chicago",
  CDT: "America/Chicago",
  MST: "America/Denver",
  MDT: "America/Denver",
  PST: "America/Los_Angeles",
  PDT: "America/Los_Angeles",
  AKST: "America/Anchorage",
  HST: "Pacific/Honolulu",
};

const canonicalNames = new Map(Intl.supportedValuesOf("timeZone").map((zone) => [zone.toLowerCase(), zone]));
const formatters = new Map<string, Intl.DateTimeFormat>();

function offsetFormatter(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" });
    formatters.set(zone, formatter);
  }
  return formatter;
}

const formatOffset = (minutes: number): TimeZone => {
  if (minutes === 0) return "UTC";
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
};

/** The stored form of what someone typed, or `undefined` if it is not a time zone. */
export function normalizeTimeZone(input: string): TimeZone | undefined {
  const text = input.trim();
  if (text === "") return undefined;
  const offset = OFFSET.exec(text);
  if (offset) {
    const [, sign, hours = "0", minutes = "0"] = offset;
    if (Number(minutes) >= 60) return undefined;
    const total = (sign === "+" ? 1 : -1) * (Number(hours) * 60 + Number(minutes));
    return total < MIN_OFFSET || total > MAX_OFFSET ? undefined : formatOffset(total);
  }
  if (/^(?:UTC|GMT|Z)$/i.test(text)) return "UTC";
  const zone = ABBREVIATIONS[text.toUpperCase()] ?? text;
  const canonical = canonicalNames.get(zone.toLowerCase());
  if (canonical) return canonical;
  try {
    // Not cached: this sees whatever people type. Throws RangeError for a zone the runtime lacks.
    return new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** Like {@link normalizeTimeZone}, but throws a {@link ValidationError} for junk. */
export function parseTimeZone(input: string, field = "timeZone"): TimeZone {
  const zone = normalizeTimeZone(input);
  if (zone === undefined) {
    const shown = input.trim().slice(0, 40);
    throw new ValidationError(
      field,
      `"${shown}" is not a time zone. Use a name such as America/Chicago or an offset such as UTC-5.`,
    );
  }
  return zone;
}

// Offsets change only at transitions, and those fall on quarter hours of UTC, since every offset in
// use is a whole number of quarter hours; so one look-up per zone per quarter hour is exact.
const QUARTER_HOUR_MS = 15 * MINUTE_MS;
const MAX_CACHED_OFFSETS = 10_000;
const offsetCache = new Map<string, number>();

/** Minutes east of UTC in `zone` at the instant `at`, daylight saving included. */
export function utcOffsetMinutes(zone: TimeZone, at: Date): number {
  if (zone === "UTC") return 0;
  const fixed = NORMALISED_OFFSET.exec(zone);
  if (fixed) {
    const [, sign, hours, minutes] = fixed;
    return (sign === "+" ? 1 : -1) * (Number(hours) * 60 + Number(minutes));
  }
  const key = `${zone}|${Math.floor(at.getTime() / QUARTER_HOUR_MS)}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    offset = readOffset(zone, at);
    if (offsetCache.size >= MAX_CACHED_OFFSETS) offsetCache.clear();
    offsetCache.set(key, offset);
  }
  return offset;
}

function readOffset(zone: TimeZone, at: Date): number {
  const name = offsetFormatter(zone)
    .formatToParts(at)
    .find((part) => part.type === "timeZoneName")?.value;
  // "GMT-05:00", or plain "GMT" when the offset is zero.
  const match = name ? /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name) : null;
  if (!match) throw new Error(`Cannot read the UTC offset of ${zone} from "${name}"`);
  const [, sign, hours = "0", minutes = "0"] = match;
  return (sign === "-" ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
}

/** Hours between two zones' clocks at `at`, going round the dial the short way: 0 to 12. */
export function timeZoneDistanceHours(a: TimeZone, b: TimeZone, at: Date): number {
  const difference = Math.abs(utcOffsetMinutes(a, at) - utcOffsetMinutes(b, at)) % (24 * 60);
  return Math.min(difference, 24 * 60 - difference) / 60;
}
