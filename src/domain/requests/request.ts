import { UserError } from "../errors.js";
import { assertId } from "../ids.js";
import { type LibraryTypeSlug, resolveLibraryType } from "../library-types.js";
import type { MeetingFormat } from "../mentors/profile.js";
import { characterCount, cleanLine, cleanText } from "../mentors/validation.js";
import { DEFAULT_MEETING_MINUTES, MEETING_MINUTES, type Meeting, type MeetingMinutes } from "./meeting.js";

const REQUEST_STATES = [
  "pending",
  "accepted",
  "met",
  "declined",
  "expired",
  "cancelled",
  "withdrawn",
  /** Accepted, but closed because no time was agreed in time. */
  "not-held",
] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

export const isOpen = (state: RequestState): boolean => state === "pending" || state === "accepted";

export const REQUEST_LIMITS = {
  seekerName: 100,
  noteMin: 30,
  noteMax: 1000,
  availability: 200,
  declineReason: 300,
  reportReason: 1000,
  minRating: 1,
  maxRating: 5,
} as const;

/** Where the librarian's consent message (with Accept / Decline) was posted. */
export type RequestDelivery =
  | { readonly via: "dm"; readonly messageId: string }
  | { readonly via: "thread"; readonly threadId: string; readonly messageId?: string };

/**
 * What the bot still owes people after a change to a request. Saved in the same write as the
 * change, carried out right after it and again at start-up until done, so a crash between the
 * two loses nothing: deliver the request to the librarian, put the two in touch after Accept,
 * tell the seeker of a decline or an expiry, pause a librarian who let too many expire, tell the
 * other person when one of the two leaves.
 */
export type RequestEffect =
  | "deliver"
  | "connect"
  | "tell-declined"
  | "tell-expired"
  | "pause-librarian"
  /** The librarian left: tell the seeker. */
  | "tell-seeker-withdrawn"
  /** The seeker left: tell the librarian. */
  | "tell-librarian-withdrawn"
  /** Agreeing a time: show the other person a time put forward, the agreed time (with its calendar file), a reschedule, a cancel. */
  | "meeting-proposed"
  | "meeting-confirmed"
  | "meeting-rescheduled"
  | "meeting-cancelled"
  | FollowThroughEffect;

/**
 * What the interview's follow-through owes (carried out by the meetings feature): the librarian
 * said it happened, so send the seeker the thank-you template and rating; record a no-show one of
 * them reported; show moderators answers that disagree; tell both the interview closed unheld.
 */
export type FollowThroughEffect = "prompt-thanks" | "record-no-show" | "post-dispute" | "tell-not-held";

export const owing = (request: InterviewRequest, effect: RequestEffect): InterviewRequest => ({
  ...request,
  effects: [...(request.effects ?? []), effect],
});

/** The seeker's private rating of a met interview, for moderators only. */
interface RequestFeedback {
  readonly rating: number;
  readonly at: number;
}

/** One informational-interview request, stored whole under one key. Times are ms since the epoch. */
export interface InterviewRequest {
  readonly id: string;
  readonly guildId: string;
  readonly seekerId: string;
  /** The seeker's display name when they asked, shown to the librarian. */
  readonly seekerName: string;
  readonly mentorId: string;
  readonly libraryType: LibraryTypeSlug;
  /** What the seeker hopes to learn. */
  readonly note: string;
  readonly format: MeetingFormat;
  readonly availability?: string;
  /** For a class assignment due that day (YYYY-MM-DD), as the seeker said. */
  readonly assignmentDue?: string;
  readonly state: RequestState;
  readonly createdAt: number;
  readonly expiresAt: number;
  /** When the librarian accepted or declined. */
  readonly decidedAt?: number;
  readonly declineReason?: string;
  /** When the request reached a final state. */
  readonly closedAt?: number;
  readonly metAt?: number;
  readonly delivery?: RequestDelivery;
  /** A thread opened for the two of them after the librarian accepted. */
  readonly threadId?: string;
  readonly feedback?: RequestFeedback;
  /** Agreeing a time after Accept, and whether the interview happened. */
  readonly meeting?: Meeting;
  /** See {@link RequestEffect}: what is still to be done, in order. */
  readonly effects?: readonly RequestEffect[];
}

/** What the Discord layer passes in from the request modal, as typed. */
export interface NewRequestInput {
  guildId: string;
  seekerId: string;
  seekerName: string;
  mentorId: string;
  libraryType: string;
  note: string;
  format: string;
  availability?: string;
  assignmentDue?: string;
  /** "20", "30" or "45"; 30 when left out. */
  minutes?: string;
}

type ValidNewRequest = Pick<
  InterviewRequest,
  | "guildId"
  | "seekerId"
  | "seekerName"
  | "mentorId"
  | "libraryType"
  | "note"
  | "format"
  | "availability"
  | "assignmentDue"
> & { readonly minutes: MeetingMinutes };

/** Clean fields from the modal, or a {@link UserError} about the first problem. */
export function validateNewRequest(
  input: NewRequestInput,
  mentorFormats: readonly MeetingFormat[],
): ValidNewRequest {
  // A display name can be nothing but characters the cleaner drops.
  const seekerName = cleanLine(input.seekerName) || "A library job-seeker";
  const libraryType = resolveLibraryType(input.libraryType).slug;
  const note = cleanText(input.note);
  const noteLength = characterCount(note);
  if (noteLength < REQUEST_LIMITS.noteMin) {
    throw new UserError(
      `Please tell the librarian a little more about what you hope to learn: at least ${REQUEST_LIMITS.noteMin} characters (you wrote ${noteLength}).`,
    );
  }
  if (noteLength > REQUEST_LIMITS.noteMax) {
    throw new UserError(
      `What you hope to learn is ${noteLength} characters; the limit is ${REQUEST_LIMITS.noteMax}.`,
    );
  }
  const format = mentorFormats.find((offered) => offered === input.format.trim().toLowerCase());
  if (format === undefined) {
    throw new UserError(
      `This librarian doesn't offer "${cleanLine(input.format)}" interviews. Choose one of: ${mentorFormats.join(", ")}.`,
    );
  }
  const availability = optionalLine(input.availability, "Your availability", REQUEST_LIMITS.availability);
  const assignmentDue = dueDate(input.assignmentDue);
  const minutes = meetingMinutes(input.minutes);
  return {
    guildId: assertId(input.guildId, "guildId"),
    seekerId: assertId(input.seekerId, "seekerId"),
    seekerName: [...seekerName].slice(0, REQUEST_LIMITS.seekerName).join(""),
    mentorId: assertId(input.mentorId, "mentorId"),
    libraryType,
    note,
    format,
    ...(availability === undefined ? {} : { availability }),
    ...(assignmentDue === undefined ? {} : { assignmentDue }),
    minutes,
  };
}

function meetingMinutes(raw: string | undefined): MeetingMinutes {
  const value = raw?.trim() ?? "";
  if (value === "") return DEFAULT_MEETING_MINUTES;
  const minutes = MEETING_MINUTES.find((each) => String(each) === value);
  if (minutes === undefined)
    throw new UserError(
      `An interview lasts ${MEETING_MINUTES.join(", ")} minutes; "${cleanLine(value)}" is not one of them.`,
    );
  return minutes;
}

/** An assignment's due date as YYYY-MM-DD, or `undefined` for none; a {@link UserError} for anything else. */
function dueDate(raw: string | undefined): string | undefined {
  const value = raw?.trim() ?? "";
  if (!value) return undefined;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : undefined;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new UserError(
      `"${cleanLine(value)}" is not a date like 2027-03-15. Leave the due date empty if the interview is not for a class.`,
    );
  }
  return value;
}

/** Cleaned text, or `undefined` for nothing; a {@link UserError} when longer than `max`. */
export function optionalLine(raw: string | undefined, label: string, max: number): string | undefined {
  const value = raw === undefined ? "" : cleanLine(raw);
  if (value === "") return undefined;
  const length = characterCount(value);
  if (length > max) throw new UserError(`${label} is ${length} characters; the limit is ${max}.`);
  return value;
}

/** Newest first; the id settles ties, so a list reads the same whatever order the store was loaded in. */
export const newestFirst = (a: InterviewRequest, b: InterviewRequest): number =>
  b.createdAt - a.createdAt || a.id.localeCompare(b.id);
