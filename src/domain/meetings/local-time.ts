import { type TimeZone, utcOffsetMinutes } from "../mentors/timezone.js";
import { DAY_MS, MINUTE_MS } from "../time.js";

/** A wall-clock reading in some zone: a calendar date and minutes after its midnight. */
export interface LocalTime {
  /** YYYY-MM-DD. */
  readonly date: string;
  /** 0 = Sunday … 6 = Saturday. */
  readonly weekday: number;
  readonly minutes: number;
}

const offsetMs = (zone: TimeZone, at: number): number => utcOffsetMinutes(zone, new Date(at)) * MINUTE_MS;

/** What a clock in `zone` shows at the instant `at` (ms since the epoch). */
export function localTimeOf(at: number, zone: TimeZone): LocalTime {
  const shifted = new Date(at + offsetMs(zone, at));
  return {
    date: shifted.toISOString().slice(0, 10),
    weekday: shifted.getUTCDay(),
    minutes: shifted.getUTCHours() * 60 + shifted.getUTCMinutes(),
  };
}

/**
 * The instant a clock in `zone` shows `minutes` after midnight on `date` (YYYY-MM-DD). When the
 * clocks go back and the reading happens twice, the earlier; when they go forward and it never
 * happens, undefined.
 */
export function instantOf(date: string, minutes: number, zone: TimeZone): number | undefined {
  const wall = Date.parse(`${date}T00:00:00Z`) + minutes * MINUTE_MS;
  // The offsets in force a day either side cover any transition near this reading.
  const offsets = new Set([
    offsetMs(zone, wall - DAY_MS),
    offsetMs(zone, wall),
    offsetMs(zone, wall + DAY_MS),
  ]);
  const instants = [...offsets]
    .map((offset) => wall - offset)
    .filter((instant) => instant + offsetMs(zone, instant) === wall)
    .sort((a, b) => a - b);
  return instants[0];
}

/** The date `days` after `date`, both YYYY-MM-DD. */
export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
