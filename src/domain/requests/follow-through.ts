import type { InterviewRequest } from "./request.js";

/**
 * What happens around an agreed time besides the agreement itself: reminders before it and the
 * "did it happen?" check after it. The scheduling side calls it after saving the change.
 */
export interface MeetingFollowThrough {
  /** A time was confirmed (first time or after a reschedule): set reminders and the attendance check. */
  confirmed(request: InterviewRequest): Promise<void>;
  /** The agreed interview was cancelled: drop what {@link confirmed} set. */
  cancelled(request: InterviewRequest): Promise<void>;
}
