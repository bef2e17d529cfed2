import { type AwayRange, isAway, type WeeklyWindow } from "../mentors/availability.js";
import type { TimeZone } from "../mentors/timezone.js";
import { DAY_MS } from "../time.js";
import { addDays, instantOf, localTimeOf } from "./local-time.js";

export const SLOT_LIMITS = {
  /** At most this many slots are offered (a select menu holds 25; ten are easy to read). */
  count: 10,
  /** Slots start on the half hour of the librarian's clock. */
  stepMinutes: 30,
} as const;

export interface SlotQuery {
  readonly windows: readonly WeeklyWindow[];
  readonly awayDates?: readonly AwayRange[] | undefined;
  readonly timeZone: TimeZone;
  /** The interview's length: a slot must end inside its window. */
  readonly minutes: number;
  readonly now: number;
  /** SLOT_HORIZON: how far ahead of `now` slots are offered. */
  readonly horizonMs: number;
}

/**
 * Start times (ms since the epoch, ascending) to offer: before `now + horizonMs`, the first free start
 * in each occurrence of the librarian's weekly windows, on the half hour of their own clock, none
 * in the past or on an away day. Daylight saving is followed: a 14:00 window stays at 14:00 their
 * time across a change, and a start the clocks skip is not offered.
 */
export function offeredSlots(query: SlotQuery): number[] {
  const { windows, timeZone, minutes, now, horizonMs } = query;
  const end = now + horizonMs;
  const today = localTimeOf(now, timeZone).date;
  const slots = new Set<number>();
  for (let offset = 0; offset <= Math.ceil(horizonMs / DAY_MS); offset++) {
    const date = addDays(today, offset);
    if (isAway(query.awayDates, date)) continue;
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    for (const window of windows) {
      if (window.day !== weekday) continue;
      const start = firstStart(date, window, minutes, timeZone, now);
      if (start !== undefined && start < end) slots.add(start);
    }
  }
  return [...slots].sort((a, b) => a - b).slice(0, SLOT_LIMITS.count);
}

function firstStart(
  date: string,
  window: WeeklyWindow,
  minutes: number,
  zone: TimeZone,
  now: number,
): number | undefined {
  for (let local = window.start; local + minutes <= window.end; local += SLOT_LIMITS.stepMinutes) {
    const instant = instantOf(date, local, zone);
    if (instant !== undefined && instant > now) return instant;
  }
  return undefined;
}
