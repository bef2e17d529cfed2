import { UserError, ValidationError } from "../errors.js";
import { normalizeTimeZone, type TimeZone } from "../mentors/timezone.js";
import { cleanLine } from "../mentors/validation.js";
import { DAY_MS } from "../time.js";
import { instantOf } from "./local-time.js";

/** How far ahead a typed time may be. */
export const MAX_PROPOSAL_DAYS = 365;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{1,2}):(\d{2})$/;

/** What was typed, on one line and short; quoted only in ValidationErrors, which the router escapes. */
const shown = (text: string): string => cleanLine(text).slice(0, 40);

/**
 * A date (YYYY-MM-DD), a time (HH:MM, 24-hour clock) and a time zone (any IANA name, UTC, or an
 * offset) as typed in the "Propose a time" form: the instant they name, which must be in the future.
 */
export function parseTypedTime(
  input: { date: string; time: string; timeZone: string },
  now: number,
): { startsAt: number; timeZone: TimeZone } {
  const date = input.date.trim();
  const dateMatch = DATE.exec(date);
  const parsed = dateMatch ? new Date(`${date}T00:00:00Z`) : undefined;
  if (!parsed || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) {
    throw new ValidationError(
      "date",
      `"${shown(input.date)}" is not a date like 2027-03-15 (year, month, day).`,
    );
  }
  const timeMatch = TIME.exec(input.time.trim());
  const hours = Number(timeMatch?.[1]);
  const minutes = Number(timeMatch?.[2]);
  if (!timeMatch || hours > 23 || minutes > 59) {
    throw new ValidationError(
      "time",
      `"${shown(input.time)}" is not a time like 14:30 (24-hour clock, 00:00 to 23:59).`,
    );
  }
  const timeZone = normalizeTimeZone(input.timeZone);
  if (timeZone === undefined) {
    throw new ValidationError(
      "timeZone",
      `"${shown(input.timeZone)}" is not a time zone. Use a name such as America/Chicago or Europe/Berlin, or UTC.`,
    );
  }
  const startsAt = instantOf(date, hours * 60 + minutes, timeZone);
  if (startsAt === undefined) {
    throw new UserError(
      `${date} ${input.time.trim()} does not exist in ${timeZone}: the clocks skip that hour for daylight saving. Pick a time an hour later.`,
    );
  }
  if (startsAt <= now) throw new UserError(`${date} ${input.time.trim()} (${timeZone}) has already passed.`);
  if (startsAt > now + MAX_PROPOSAL_DAYS * DAY_MS) {
    throw new UserError(
      `That is more than a year away. Propose a time within the next ${MAX_PROPOSAL_DAYS} days.`,
    );
  }
  return { startsAt, timeZone };
}
