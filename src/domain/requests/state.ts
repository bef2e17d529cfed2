import { agreedTime } from "./meeting.js";
import { type InterviewRequest, REQUEST_LIMITS, type RequestState } from "./request.js";

/**
 * Everything that can happen to a request. Events with `by` are pressed by a person, whose id the
 * service takes from the interaction; the rest come from the bot itself (a timer, a data deletion).
 */
export type RequestEvent =
  | { readonly type: "accept"; readonly by: string }
  | { readonly type: "decline"; readonly by: string; readonly reason?: string }
  | { readonly type: "cancel"; readonly by: string }
  | { readonly type: "met"; readonly by: string }
  /** Either of the two answered "Yes, we met" when asked whether it happened. */
  | { readonly type: "attended"; readonly by: string }
  /** No time was agreed in time after Accept. */
  | { readonly type: "not-held" }
  | {
      readonly type: "feedback";
      readonly by: string;
      readonly rating: number;
      /** Replace a different rating already given; without it, the first rating stays. */
      readonly replace?: boolean;
    }
  | { readonly type: "expire" }
  | { readonly type: "withdraw" };

/**
 * `changed`: the new request, to store. `unchanged`: the event already happened or no longer
 * matters (a second Accept, an expiry after an answer); nothing to store or announce.
 * `refused`: not allowed, with a message to show the person who tried.
 */
type Transition =
  | { readonly outcome: "changed"; readonly request: InterviewRequest }
  | { readonly outcome: "unchanged"; readonly request: InterviewRequest }
  | { readonly outcome: "refused"; readonly reason: "wrong-actor" | "wrong-state"; readonly message: string };

const ACTOR = {
  accept: "mentor",
  decline: "mentor",
  cancel: "seeker",
  met: "seeker",
  attended: "either",
  feedback: "seeker",
} as const;

const WRONG_ACTOR = {
  mentor: "Only the librarian this request was sent to can do that.",
  seeker: "Only the person who sent this request can do that.",
  either: "Only the two people in this interview can do that.",
} as const;

const STATE_TEXT: Record<RequestState, string> = {
  pending: "This request hasn't been accepted yet",
  accepted: "This request was already accepted",
  met: "This interview has already taken place",
  declined: "This request was declined",
  expired: "This request expired without an answer",
  cancelled: "This request was cancelled",
  withdrawn: "This request was withdrawn",
  "not-held": "This interview was closed because no time was agreed",
};

const changed = (request: InterviewRequest): Transition => ({ outcome: "changed", request });
const unchanged = (request: InterviewRequest): Transition => ({ outcome: "unchanged", request });
const refused = (message: string, reason: "wrong-actor" | "wrong-state" = "wrong-state"): Transition => ({
  outcome: "refused",
  reason,
  message,
});

/**
 * The one place that knows which events may move a request where:
 * pending → accepted | declined | expired | cancelled | withdrawn,
 * accepted → met | withdrawn | not-held (only while no time is agreed).
 * Pure: no clock, no store. Final states have no way out.
 */
export function transition(request: InterviewRequest, event: RequestEvent, now: number): Transition {
  if ("by" in event) {
    const actor = ACTOR[event.type];
    const allowed =
      actor === "either"
        ? [request.seekerId, request.mentorId]
        : [actor === "mentor" ? request.mentorId : request.seekerId];
    if (!allowed.includes(event.by)) return refused(WRONG_ACTOR[actor], "wrong-actor");
  }
  const { state } = request;
  const cannotBe = (done: string) => refused(`${STATE_TEXT[state]}, so it can't be ${done} now.`);
  switch (event.type) {
    case "accept":
      if (state === "pending") return changed({ ...request, state: "accepted", decidedAt: now });
      return state === "accepted" || state === "met" ? unchanged(request) : cannotBe("accepted");
    case "decline": {
      if (state === "declined") return unchanged(request);
      if (state !== "pending") return cannotBe("declined");
      const reason = event.reason?.trim();
      return changed({
        ...request,
        state: "declined",
        decidedAt: now,
        closedAt: now,
        ...(reason ? { declineReason: reason.slice(0, REQUEST_LIMITS.declineReason) } : {}),
      });
    }
    case "cancel":
      if (state === "pending") return changed({ ...request, state: "cancelled", closedAt: now });
      return state === "cancelled" ? unchanged(request) : cannotBe("cancelled");
    case "met":
      if (state === "accepted") return changed({ ...request, state: "met", metAt: now, closedAt: now });
      return state === "met" ? unchanged(request) : cannotBe("marked as met");
    case "attended":
      if (state === "accepted") return changed({ ...request, state: "met", metAt: now, closedAt: now });
      return state === "met" ? unchanged(request) : cannotBe("marked as met");
    case "not-held":
      return state === "accepted" && agreedTime(request.meeting) === undefined
        ? changed({ ...request, state: "not-held", closedAt: now })
        : unchanged(request);
    case "feedback":
      return rate(request, event.rating, event.replace === true, now);
    case "expire":
      return state === "pending"
        ? changed({ ...request, state: "expired", closedAt: now })
        : unchanged(request);
    case "withdraw":
      return state === "pending" || state === "accepted"
        ? changed({ ...request, state: "withdrawn", closedAt: now })
        : unchanged(request);
  }
}

/**
 * Feedback does not move the request; it is allowed once the interview is marked as met. A rating
 * given already is only replaced when asked to (the seeker confirmed the change).
 */
function rate(request: InterviewRequest, rating: number, replace: boolean, now: number): Transition {
  const { minRating, maxRating } = REQUEST_LIMITS;
  if (!Number.isInteger(rating) || rating < minRating || rating > maxRating) {
    return refused(`A rating is a whole number from ${minRating} to ${maxRating}.`);
  }
  if (request.state !== "met") return refused("You can rate an interview once you've marked it as met.");
  if (request.feedback?.rating === rating) return unchanged(request);
  if (request.feedback && !replace) return unchanged(request);
  return changed({ ...request, feedback: { rating, at: now } });
}
