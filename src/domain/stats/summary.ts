import { type DayCounts, EMPTY_DAY } from "./counts.js";

/** What /stats shows for a window of days. */
export interface StatsSummary {
  readonly days: number;
  /** The window's first and last UTC dates, YYYY-MM-DD. */
  readonly from: string;
  readonly to: string;
  readonly searches: number;
  /** Searches that found nobody available, by library type slug, most first (ties by slug). */
  readonly unmet: readonly { readonly libraryType: string; readonly count: number }[];
  readonly unmetTotal: number;
  readonly sent: number;
  readonly accepted: number;
  readonly declined: number;
  readonly expired: number;
  readonly scheduled: number;
  readonly met: number;
  readonly noShows: number;
  /** Undefined when there was nothing to take the median of. */
  readonly medianAnswerHours: number | undefined;
  readonly answers: number;
  readonly medianMeetHours: number | undefined;
  readonly meetings: number;
  readonly averageRating: number | undefined;
  readonly ratings: number;
}

/** Adds up the stored days of a window (oldest or newest first, it makes no difference). */
export function summarize(days: readonly (DayCounts | undefined)[], from: string, to: string): StatsSummary {
  const total = days.reduce<DayCounts>((sum, day) => (day ? addDays(sum, day) : sum), EMPTY_DAY);
  const unmet = Object.entries(total.unmet)
    .map(([libraryType, count]) => ({ libraryType, count }))
    .sort((a, b) => b.count - a.count || a.libraryType.localeCompare(b.libraryType));
  return {
    days: days.length,
    from,
    to,
    searches: total.searches,
    unmet,
    unmetTotal: unmet.reduce((sum, each) => sum + each.count, 0),
    sent: total.sent,
    accepted: total.accepted,
    declined: total.declined,
    expired: total.expired,
    scheduled: total.scheduled,
    met: total.met,
    noShows: total.noShows,
    medianAnswerHours: median(total.answerHours),
    answers: total.answerHours.length,
    medianMeetHours: median(total.meetHours),
    meetings: total.meetHours.length,
    averageRating: total.ratings > 0 ? total.ratingSum / total.ratings : undefined,
    ratings: total.ratings,
  };
}

/** Two days' counts added up; a record saved before a counter existed counts it as 0. */
function addDays(a: DayCounts, stored: Partial<DayCounts>): DayCounts {
  const b = { ...EMPTY_DAY, ...stored };
  const unmet = { ...a.unmet };
  for (const [type, count] of Object.entries(b.unmet)) unmet[type] = (unmet[type] ?? 0) + count;
  return {
    searches: a.searches + b.searches,
    unmet,
    sent: a.sent + b.sent,
    accepted: a.accepted + b.accepted,
    declined: a.declined + b.declined,
    expired: a.expired + b.expired,
    scheduled: a.scheduled + b.scheduled,
    met: a.met + b.met,
    noShows: a.noShows + b.noShows,
    answerHours: [...a.answerHours, ...b.answerHours],
    meetHours: [...a.meetHours, ...b.meetHours],
    ratingSum: a.ratingSum + b.ratingSum,
    ratings: a.ratings + b.ratings,
  };
}

/** The middle value, or the mean of the two middle ones; undefined for no values. */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] as number) + upper) / 2;
}
