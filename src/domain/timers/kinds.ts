/** The timer kinds the bot schedules, and what each carries. */
export const TIMER_KINDS = {
  /** At createdAt + REQUEST_EXPIRY: an unanswered request expires. */
  requestExpiry: "request-expiry",
  /**
   * Set by earlier versions at acceptance + FOLLOWUP_DELAY; still stored for requests accepted
   * before the meeting timers below replaced it, and run as a first-contact nudge.
   */
  requestFollowUp: "request-followup",
  /** At acceptance + FIRST_CONTACT_NUDGE: nudge both if no time is agreed. */
  meetingNudge: "meeting-nudge",
  /** At acceptance + UNSCHEDULED_CLOSE: close the interview as not held if still no time is agreed. */
  meetingClose: "meeting-close",
  /** A MEETING_REMINDERS lead before an agreed start, for one confirmed round. */
  meetingReminder: "meeting-reminder",
  /** At an agreed start + ATTENDANCE_CHECK: ask both whether it happened. */
  meetingAttendance: "meeting-attendance",
  /** At the end of a librarian's timed pause. */
  mentorUnpause: "mentor-unpause",
  /**
   * At once: carry out what a request owes (open the thread, deliver it), for a request changed by
   * a process that does not serve its guild (DM buttons arrive on shard 0); the serving one does it.
   */
  requestEffects: "request-effects",
} as const;

export interface RequestTimerPayload {
  guildId: string;
  requestId: string;
}

export interface MentorUnpausePayload {
  guildId: string;
  mentorId: string;
}

export const requestExpiryKey = (guildId: string, requestId: string): string =>
  `${TIMER_KINDS.requestExpiry}/${guildId}/${requestId}`;

export const requestFollowUpKey = (guildId: string, requestId: string): string =>
  `${TIMER_KINDS.requestFollowUp}/${guildId}/${requestId}`;

export const meetingNudgeKey = (guildId: string, requestId: string): string =>
  `${TIMER_KINDS.meetingNudge}/${guildId}/${requestId}`;

export const meetingCloseKey = (guildId: string, requestId: string): string =>
  `${TIMER_KINDS.meetingClose}/${guildId}/${requestId}`;

export const meetingReminderKey = (
  guildId: string,
  requestId: string,
  round: number,
  leadMs: number,
): string => `${TIMER_KINDS.meetingReminder}/${guildId}/${requestId}/${round}/${leadMs}`;

export const meetingAttendanceKey = (guildId: string, requestId: string, round: number): string =>
  `${TIMER_KINDS.meetingAttendance}/${guildId}/${requestId}/${round}`;

/** A timer about one confirmed round of a request's meeting; reminders carry their lead. */
export interface MeetingRoundPayload extends RequestTimerPayload {
  round: number;
  leadMs?: number;
}

export const isMeetingRoundPayload = (value: unknown): value is MeetingRoundPayload =>
  isRequestTimerPayload(value) && Number.isInteger((value as unknown as MeetingRoundPayload).round);

export const requestEffectsKey = (guildId: string, requestId: string): string =>
  `${TIMER_KINDS.requestEffects}/${guildId}/${requestId}`;

export const mentorUnpauseKey = (guildId: string, mentorId: string): string =>
  `${TIMER_KINDS.mentorUnpause}/${guildId}/${mentorId}`;

const hasStrings = (value: unknown, ...fields: string[]): boolean =>
  typeof value === "object" &&
  value !== null &&
  fields.every((field) => typeof (value as Record<string, unknown>)[field] === "string");

export const isRequestTimerPayload = (value: unknown): value is RequestTimerPayload =>
  hasStrings(value, "guildId", "requestId");

export const isMentorUnpausePayload = (value: unknown): value is MentorUnpausePayload =>
  hasStrings(value, "guildId", "mentorId");
