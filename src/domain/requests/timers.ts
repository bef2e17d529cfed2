import { isRequestTimerPayload, TIMER_KINDS } from "../timers/kinds.js";
import type { ErrorLogger, TimerHandler, TimerRecord } from "../timers/scheduler.js";
import type { ExpireResult, RequestLifecycle } from "./lifecycle.js";
import type { InterviewRequest } from "./request.js";

/** What the Discord layer does when a request timer changed something. */
export interface RequestTimerCallbacks {
  /** The request just expired: tell the seeker; when `shouldPause`, pause the librarian and say why. */
  expired(request: InterviewRequest, result: ExpireResult): Promise<void>;
}

/**
 * Handlers for the request timer kinds. The state change is saved before a callback runs, so a
 * retried timer never repeats it: a callback that fails is not called again (at most once).
 */
export function requestTimerHandlers(
  requests: RequestLifecycle,
  callbacks: RequestTimerCallbacks,
  logger: ErrorLogger,
): Record<string, TimerHandler> {
  const payloadOf = (timer: TimerRecord) => {
    if (isRequestTimerPayload(timer.payload)) return timer.payload;
    // It could never succeed, so it is dropped rather than retried.
    logger.error(
      { timer: timer.key, payload: timer.payload },
      "request timer with a malformed payload dropped",
    );
    return undefined;
  };
  return {
    [TIMER_KINDS.requestExpiry]: async (timer) => {
      const payload = payloadOf(timer);
      if (!payload) return;
      const result = await requests.expire(payload.guildId, payload.requestId);
      if (result.changed && result.request) await callbacks.expired(result.request, result);
    },
  };
}
