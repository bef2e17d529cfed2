import { DAY_MS, HOUR_MS } from "../time.js";

/**
 * Something worth counting, as it happens. No event carries a user id: the counters are anonymous
 * totals per server and day, so deleting someone's data never needs to touch them.
 */
export type StatsEvent =
  /** A /findmentor search; `available` is false when it found nobody who could take a request. */
  | { readonly type: "search"; readonly libraryType: string; readonly available: boolean }
  | { readonly type: "sent" }
  /** `answerHours`: from the request being sent to the librarian's answer. */
  | { readonly type: "accepted"; readonly answerHours: number }
  | { readonly type: "declined"; readonly answerHours: number }
  | { readonly type: "expired" }
  /** The two agreed a time. */
  | { readonly type: "scheduled" }
  /** `meetHours`: from the librarian's acceptance to the interview. */
  | { readonly type: "met"; readonly meetHours: number }
  | { readonly type: "no-show" }
  | { readonly type: "rated"; readonly rating: number }
  /** A seeker changed a rating counted before: recorded on the day the first one was counted. */
  | { readonly type: "rating-changed"; readonly from: number; readonly to: number };

/** One server's counts for one UTC day, stored under one key. */
export interface DayCounts {
  readonly searches: number;
  /** Searches that found nobody available, by library type slug: where volunteers are missing. */
  readonly unmet: Readonly<Record<string, number>>;
  readonly sent: number;
  readonly accepted: number;
  readonly declined: number;
  readonly expired: number;
  readonly scheduled: number;
  readonly met: number;
  readonly noShows: number;
  /** Every answer's hours, for the median (a few values a day at community sizes). */
  readonly answerHours: readonly number[];
  readonly meetHours: readonly number[];
  readonly ratingSum: number;
  readonly ratings: number;
}

export const EMPTY_DAY: DayCounts = {
  searches: 0,
  unmet: {},
  sent: 0,
  accepted: 0,
  declined: 0,
  expired: 0,
  scheduled: 0,
  met: 0,
  noShows: 0,
  answerHours: [],
  meetHours: [],
  ratingSum: 0,
  ratings: 0,
};

/** The day's counts with `event` added. Pure. */
export function addEvent(day: DayCounts, event: StatsEvent): DayCounts {
  switch (event.type) {
    case "search": {
      if (event.available) return { ...day, searches: day.searches + 1 };
      const unmet = { ...day.unmet, [event.libraryType]: (day.unmet[event.libraryType] ?? 0) + 1 };
      return { ...day, searches: day.searches + 1, unmet };
    }
    case "sent":
      return { ...day, sent: day.sent + 1 };
    case "accepted":
      return { ...day, accepted: day.accepted + 1, answerHours: [...day.answerHours, event.answerHours] };
    case "declined":
      return { ...day, declined: day.declined + 1, answerHours: [...day.answerHours, event.answerHours] };
    case "expired":
      return { ...day, expired: day.expired + 1 };
    case "scheduled":
      return { ...day, scheduled: day.scheduled + 1 };
    case "met":
      return { ...day, met: day.met + 1, meetHours: [...day.meetHours, event.meetHours] };
    case "no-show":
      return { ...day, noShows: day.noShows + 1 };
    case "rated":
      return { ...day, ratingSum: day.ratingSum + event.rating, ratings: day.ratings + 1 };
    case "rating-changed":
      return { ...day, ratingSum: day.ratingSum + event.to - event.from };
  }
}

/** The UTC date of a time, as YYYY-MM-DD: the day a count belongs to. */
export const utcDay = (at: number): string => new Date(at).toISOString().slice(0, 10);

/** The `days` UTC dates ending with the one `now` falls on, newest first. */
export const lastDays = (now: number, days: number): string[] =>
  Array.from({ length: days }, (_, back) => utcDay(now - back * DAY_MS));

/** A duration in hours, to two decimals, as counters keep it. */
export const hoursBetween = (from: number, to: number): number =>
  Math.round((Math.max(0, to - from) / HOUR_MS) * 100) / 100;
