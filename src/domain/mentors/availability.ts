import { ValidationError } from "../errors.js";
import { cleanLine } from "./validation.js";

/** Sunday first, as Date.getUTCDay counts. */
export const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;

/** A time of the week a librarian is usually free, in their own time zone. */
export interface WeeklyWindow {
  /** 0 = Sunday … 6 = Saturday. */
  readonly day: number;
  /** Minutes after local midnight; `end` may be 24:00 (1440). */
  readonly start: number;
  readonly end: number;
}

/** Days away (inclusive, YYYY-MM-DD, the librarian's own calendar): no time is offered in them. */
export interface AwayRange {
  readonly from: string;
  readonly to: string;
}

export const AVAILABILITY_LIMITS = {
  windowsText: 200,
  windows: 14,
  minWindowMinutes: 30,
  awayText: 200,
  awayRanges: 10,
  awayDays: 366,
} as const;

const DAY_NAMES: Record<string, number> = Object.fromEntries(
  ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"].flatMap((name, day) => [
    [name, day],
    [name.slice(0, 3), day],
  ]),
);
Object.assign(DAY_NAMES, { tues: 2, weds: 3, thur: 4, thurs: 4 });

const WINDOW = /^([a-z]+(?:\s*[-/–]\s*[a-z]+)*)\s+(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})$/i;
const EXAMPLE = "Tue 14:00-16:00, Thu 10:00-12:00";

const hhmm = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

function dayOf(name: string, shown: string): number {
  const day = DAY_NAMES[name.trim().toLowerCase()];
  if (day === undefined) {
    throw new ValidationError(
      "weeklyWindows",
      `"${shown}": "${name.trim()}" is not a day of the week. Write them like ${EXAMPLE}.`,
    );
  }
  return day;
}

/** "Tue/Thu" → [2, 4]; "Mon-Fri" → [1…5]; "Sat-Mon" wraps round the weekend. */
function daysOf(text: string, shown: string): number[] {
  const days = new Set<number>();
  for (const part of text.split("/")) {
    const [first = "", last] = part.split(/[-–]/);
    const from = dayOf(first, shown);
    if (last === undefined) {
      days.add(from);
      continue;
    }
    const to = dayOf(last, shown);
    for (let day = from; ; day = (day + 1) % 7) {
      days.add(day);
      if (day === to) break;
    }
  }
  return [...days];
}

function timeOf(hours: string, minutes: string, shown: string): number {
  const h = Number(hours);
  const m = Number(minutes);
  if (h > 24 || m > 59 || (h === 24 && m !== 0)) {
    throw new ValidationError(
      "weeklyWindows",
      `"${shown}": ${hours}:${minutes} is not a time of day. Use the 24-hour clock, 00:00 to 24:00.`,
    );
  }
  return h * 60 + m;
}

/**
 * Weekly windows as typed ("Tue 14:00-16:00, Mon-Fri 09:00-10:00", days by name or three
 * letters), sorted by day and time; a {@link ValidationError} that quotes the part to fix.
 */
export function parseWeeklyWindows(raw: string): WeeklyWindow[] {
  const text = cleanLine(raw);
  if (text === "") return [];
  if (text.length > AVAILABILITY_LIMITS.windowsText) {
    throw new ValidationError(
      "weeklyWindows",
      `Your weekly hours are ${text.length} characters; the limit is ${AVAILABILITY_LIMITS.windowsText}.`,
    );
  }
  const windows: WeeklyWindow[] = [];
  for (const part of text.split(/[,;]/).map((each) => each.trim())) {
    if (part === "") continue;
    const match = WINDOW.exec(part);
    if (!match) {
      throw new ValidationError(
        "weeklyWindows",
        `"${part}" is not a weekly time. Write a day and a span on the 24-hour clock, like ${EXAMPLE}.`,
      );
    }
    const [, dayText = "", h1 = "", m1 = "", h2 = "", m2 = ""] = match;
    const start = timeOf(h1, m1, part);
    const end = timeOf(h2, m2, part);
    if (end - start < AVAILABILITY_LIMITS.minWindowMinutes) {
      throw new ValidationError(
        "weeklyWindows",
        `"${part}": a window must end at least ${AVAILABILITY_LIMITS.minWindowMinutes} minutes after it starts, on the same day (split one that passes midnight in two).`,
      );
    }
    for (const day of daysOf(dayText, part)) windows.push({ day, start, end });
  }
  const unique = new Map(windows.map((window) => [`${window.day}|${window.start}|${window.end}`, window]));
  if (unique.size > AVAILABILITY_LIMITS.windows) {
    throw new ValidationError(
      "weeklyWindows",
      `That is ${unique.size} weekly windows; the limit is ${AVAILABILITY_LIMITS.windows}.`,
    );
  }
  return [...unique.values()].sort((a, b) => a.day - b.day || a.start - b.start || a.end - b.end);
}

export const formatWeeklyWindows = (windows: readonly WeeklyWindow[]): string =>
  windows.map((window) => `${WEEKDAYS[window.day]} ${hhmm(window.start)}-${hhmm(window.end)}`).join(", ");

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function dateOf(text: string): string {
  const date = DATE.test(text) ? new Date(`${text}T00:00:00Z`) : undefined;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) {
    throw new ValidationError(
      "awayDates",
      `"${text}" is not a date like 2027-03-15. Away dates are days or spans, like 2027-03-15, 2027-04-01 to 2027-04-10.`,
    );
  }
  return text;
}

const daysBetween = (from: string, to: string): number =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;

/** Away days as typed ("2027-03-15, 2027-04-01 to 2027-04-10"), in date order. */
export function parseAwayDates(raw: string): AwayRange[] {
  const text = cleanLine(raw);
  if (text === "") return [];
  if (text.length > AVAILABILITY_LIMITS.awayText) {
    throw new ValidationError(
      "awayDates",
      `Your away dates are ${text.length} characters; the limit is ${AVAILABILITY_LIMITS.awayText}.`,
    );
  }
  const ranges: AwayRange[] = [];
  for (const part of text.split(/[,;]/).map((each) => each.trim())) {
    if (part === "") continue;
    const [first = "", last, ...rest] = part.split(/\s+to\s+|\s*\.\.\s*|\s+[-–]\s+|\s*–\s*/i);
    if (rest.length > 0) throw new ValidationError("awayDates", `"${part}" should be one day or one span.`);
    const from = dateOf(first.trim());
    const to = last === undefined ? from : dateOf(last.trim());
    if (to < from) throw new ValidationError("awayDates", `"${part}" ends before it starts.`);
    if (daysBetween(from, to) >= AVAILABILITY_LIMITS.awayDays) {
      throw new ValidationError(
        "awayDates",
        `"${part}" is longer than a year: use /mentor pause for a long time away.`,
      );
    }
    ranges.push({ from, to });
  }
  if (ranges.length > AVAILABILITY_LIMITS.awayRanges) {
    throw new ValidationError(
      "awayDates",
      `That is ${ranges.length} away dates or spans; the limit is ${AVAILABILITY_LIMITS.awayRanges}.`,
    );
  }
  return ranges.sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
}

export const formatAwayDates = (ranges: readonly AwayRange[]): string =>
  ranges.map((range) => (range.from === range.to ? range.from : `${range.from} to ${range.to}`)).join(", ");

/** Whether `date` (YYYY-MM-DD) falls in one of the ranges. */
export const isAway = (ranges: readonly AwayRange[] | undefined, date: string): boolean =>
  (ranges ?? []).some((range) => range.from <= date && date <= range.to);

const PARTS = [
  { name: "mornings", until: 12 * 60 },
  { name: "afternoons", until: 17 * 60 },
  { name: "evenings", until: 24 * 60 },
] as const;

const MONDAY_FIRST = [1, 2, 3, 4, 5, 6, 0];

/** "Mon–Fri" for three or more days in a row (Monday first), else "Tue/Thu". */
function dayList(days: ReadonlySet<number>): string {
  const ordered = MONDAY_FIRST.filter((day) => days.has(day));
  const runs: number[][] = [];
  for (const day of ordered) {
    const run = runs.at(-1);
    const previous = run?.at(-1);
    if (run && previous !== undefined && MONDAY_FIRST.indexOf(previous) + 1 === MONDAY_FIRST.indexOf(day))
      run.push(day);
    else runs.push([day]);
  }
  return runs
    .map((run) =>
      run.length >= 3
        ? `${WEEKDAYS[run[0] ?? 0]}–${WEEKDAYS[run.at(-1) ?? 0]}`
        : run.map((day) => WEEKDAYS[day]).join("/"),
    )
    .join("/");
}

/**
 * The windows in a few words for a card, e.g. "Tue/Thu afternoons, Mon–Fri mornings": each window
 * counts for the part of the day its middle falls in. Undefined when there are none.
 */
export function summarizeWindows(windows: readonly WeeklyWindow[] | undefined): string | undefined {
  if (!windows?.length) return undefined;
  const daysByPart = new Map<string, Set<number>>();
  for (const window of windows) {
    const middle = (window.start + window.end) / 2;
    const part = PARTS.find((each) => middle < each.until) ?? PARTS[2];
    const days = daysByPart.get(part.name) ?? new Set<number>();
    days.add(window.day);
    daysByPart.set(part.name, days);
  }
  return PARTS.flatMap((part) => {
    const days = daysByPart.get(part.name);
    return days ? [`${dayList(days)} ${part.name}`] : [];
  }).join(", ");
}
