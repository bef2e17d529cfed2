import type { RequestLifecycle } from "../requests/lifecycle.js";
import type { InterviewRequest } from "../requests/request.js";
import { isMeetingRoundPayload, isRequestTimerPayload, TIMER_KINDS } from "../timers/kinds.js";
import type { ErrorLogger, TimerHandler, TimerRecord } from "../timers/scheduler.js";
import type { FollowThrough } from "./follow-through.js";

/** What the Discord layer does when a meeting timer is due. */
export interface MeetingTimerCallbacks {
  /** Remind both of the agreed time, `leadMs` before it; a repeat after a crash is dropped (nonce). */
  remind(request: InterviewRequest, leadMs: number): Promise<void>;
  /** Ask each whether it happened. */
  askAttendance(request: InterviewRequest): Promise<void>;
  /** Nudge both to agree a time. */
  nudge(request: InterviewRequest): Promise<void>;
  /** The interview just closed as not held: carry out what it owes. */
  closed(request: InterviewRequest): Promise<void>;
}

/**
 * Handlers for the meeting timer kinds. Each checks the request first, so a timer for an earlier
 * round, or for a request that moved on, does nothing. A reminder or nudge is saved as sent only
 * after it went out: killed in between, the timer runs again and the message's nonce drops the repeat.
 */
export function meetingTimerHandlers(
  followThrough: FollowThrough,
  lifecycle: RequestLifecycle,
  callbacks: MeetingTimerCallbacks,
  logger: ErrorLogger,
): Record<string, TimerHandler> {
  const dropped = (timer: TimerRecord) =>
    logger.error(
      { timer: timer.key, payload: timer.payload },
      "meeting timer with a malformed payload dropped",
    );
  const nudge: TimerHandler = async (timer) => {
    if (!isRequestTimerPayload(timer.payload)) return dropped(timer);
    const { guildId, requestId } = timer.payload;
    const request = followThrough.nudgeDue(guildId, requestId);
    if (!request) return;
    await callbacks.nudge(request);
    await followThrough.markNudged(guildId, requestId);
  };
  return {
    [TIMER_KINDS.meetingNudge]: nudge,
    // Requests accepted before the meeting timers: their follow-up becomes the nudge, and the close is set.
    [TIMER_KINDS.requestFollowUp]: async (timer) => {
      await nudge(timer);
      if (!isRequestTimerPayload(timer.payload)) return;
      const request = followThrough.request(timer.payload.guildId, timer.payload.requestId);
      if (request?.state === "accepted") await followThrough.ensureClose(request);
    },
    [TIMER_KINDS.meetingClose]: async (timer) => {
      if (!isRequestTimerPayload(timer.payload)) return dropped(timer);
      const result = await lifecycle.closeUnscheduled(timer.payload.guildId, timer.payload.requestId);
      if (result?.changed) await callbacks.closed(result.request);
    },
    [TIMER_KINDS.meetingReminder]: async (timer) => {
      const payload = timer.payload;
      if (!isMeetingRoundPayload(payload) || payload.leadMs === undefined) return dropped(timer);
      const { guildId, requestId, round, leadMs } = payload;
      const request = followThrough.reminderDue(guildId, requestId, round, leadMs);
      if (!request) return;
      await callbacks.remind(request, leadMs);
      await followThrough.markReminded(guildId, requestId, round, leadMs);
    },
    [TIMER_KINDS.meetingAttendance]: async (timer) => {
      if (!isMeetingRoundPayload(timer.payload)) return dropped(timer);
      const { guildId, requestId, round } = timer.payload;
      const request = followThrough.attendanceDue(guildId, requestId, round);
      if (request) await callbacks.askAttendance(request);
    },
  };
}
