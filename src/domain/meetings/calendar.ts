import { createEvent } from "ics";
import { getLibraryType } from "../library-types.js";
import type { InterviewRequest } from "../requests/request.js";
import { meetingOf } from "./transitions.js";

export interface CalendarFile {
  readonly name: string;
  readonly content: string;
}

/**
 * The agreed interview as an iCalendar file: start in UTC, length, and a summary naming the
 * library type. Nothing identifies either person (no names, e-mail addresses or Discord ids);
 * the UID stays the same across reschedules and SEQUENCE counts them, so a calendar updates the
 * event it already has.
 */
export function calendarFile(request: InterviewRequest): CalendarFile {
  const meeting = meetingOf(request);
  const confirmed = meeting.confirmed;
  if (!confirmed) throw new Error(`request ${request.id} has no agreed time`);
  const type = getLibraryType(request.libraryType).name;
  const { error, value } = createEvent({
    uid: `${request.id}@reference-desk`,
    sequence: confirmed.round - 1,
    productId: "reference-desk",
    start: confirmed.startsAt,
    startInputType: "utc",
    startOutputType: "utc",
    duration: { minutes: meeting.minutes },
    title: `Informational interview (${type})`,
    description:
      "An informational interview arranged through Reference Desk on Discord: a conversation about library work, not a job interview.",
    status: "CONFIRMED",
    busyStatus: "BUSY",
  });
  if (error || !value) throw error ?? new Error("ics returned no calendar");
  return { name: "informational-interview.ics", content: value };
}
