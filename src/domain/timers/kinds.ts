/** The timer kinds the bot schedules, and what each carries. */
export const TIMER_KINDS = {
  /** At createdAt + REQUEST_EXPIRY: an unanswered request expires. */
  requestExpiry: "request-expiry",
  /** At acceptance + FOLLOWUP_DELAY: ask the seeker whether they met. */
  requestFollowUp: "request-followup",
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
