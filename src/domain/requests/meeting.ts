/** Lengths a seeker may ask for; 30 minutes unless they asked for another. */
export const MEETING_MINUTES = [20, 30, 45] as const;
export type MeetingMinutes = (typeof MEETING_MINUTES)[number];
export const DEFAULT_MEETING_MINUTES: MeetingMinutes = 30;

/** A time one of the two put forward (a slot picked, or a date and time typed), waiting for the other. */
export interface ProposedTime {
  /** UTC, ms since the epoch. */
  readonly startsAt: number;
  /** Who put it forward; only the other person may confirm it. */
  readonly by: string;
  readonly at: number;
  /** The zone it was typed or shown in, to echo it back to them. */
  readonly timeZone: string;
}

/** The time both agreed on. */
export interface ConfirmedTime {
  readonly startsAt: number;
  readonly confirmedAt: number;
  /** 1 for the first confirmation, one more for each reschedule: timers set for an earlier round do nothing. */
  readonly round: number;
}

/** What each person answered when asked whether the interview happened. */
export type Attendance = "met" | "no-show" | "moved";

/** The interview after Accept: agreeing a time, then whether it happened. Stored inside its request. */
export interface Meeting {
  readonly minutes: MeetingMinutes;
  readonly proposal?: ProposedTime;
  readonly confirmed?: ConfirmedTime;
  /** The last time an agreed time was given up to find another; the next confirmation's round is one more. */
  readonly rescheduled?: {
    readonly by: string;
    readonly at: number;
    readonly round: number;
    readonly reason?: string;
  };
  /** Reminder leads (ms before the start) already sent for the confirmed round. */
  readonly remindersSent?: readonly number[];
  /** Set when either person cancelled the agreed interview; late when within LATE_CANCEL_WINDOW of the start. */
  readonly cancelled?: {
    readonly by: string;
    readonly at: number;
    readonly late: boolean;
    readonly reason?: string;
  };
  /** Answers to "did it happen?", by user id. */
  readonly attendance?: Readonly<Record<string, Attendance>>;
  /** When the first-contact nudge went out (no time agreed in time). */
  readonly nudgedAt?: number;
  /** When the seeker posted an agenda into the thread. */
  readonly agendaPostedAt?: number;
}

/** The time agreed for the interview, unless none was or it was cancelled since. */
export function agreedTime(meeting: Meeting | undefined): ConfirmedTime | undefined {
  const confirmed = meeting?.confirmed;
  if (!confirmed) return undefined;
  const cancelled = meeting.cancelled;
  return cancelled && cancelled.at >= confirmed.confirmedAt ? undefined : confirmed;
}
