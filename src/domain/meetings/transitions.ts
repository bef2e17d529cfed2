import { DEFAULT_MEETING_MINUTES, type Meeting } from "../requests/meeting.js";
import type { InterviewRequest, RequestEffect } from "../requests/request.js";
import { owing } from "../requests/request.js";

export const MEETING_LIMITS = { reason: 300 } as const;

/**
 * `changed`: the request to store (with what to announce owed). `unchanged`: already so (a double
 * click). `refused`: a message for the person who pressed.
 */
export type MeetingTransition =
  | { readonly outcome: "changed"; readonly request: InterviewRequest }
  | { readonly outcome: "unchanged"; readonly request: InterviewRequest }
  | { readonly outcome: "refused"; readonly message: string };

const changed = (request: InterviewRequest, effect: RequestEffect): MeetingTransition => ({
  outcome: "changed",
  request: owing(request, effect),
});
const unchanged = (request: InterviewRequest): MeetingTransition => ({ outcome: "unchanged", request });
const refused = (message: string): MeetingTransition => ({ outcome: "refused", message });

export const NOT_A_PARTY = "Only the two people in this interview can do that.";

const STATE_TEXT: Partial<Record<InterviewRequest["state"], string>> = {
  pending: "This request hasn't been accepted yet",
  met: "This interview has already taken place",
  cancelled: "This interview was cancelled",
  withdrawn: "This request was withdrawn",
  declined: "This request was declined",
  expired: "This request expired",
};

/** The meeting record, also for requests saved before there was one. */
export const meetingOf = (request: InterviewRequest): Meeting =>
  request.meeting ?? { minutes: DEFAULT_MEETING_MINUTES };

const withMeeting = (request: InterviewRequest, meeting: Meeting): InterviewRequest => ({
  ...request,
  meeting,
});

/** The refusal for someone who is not one of the two, or a request not open for scheduling. */
function guard(request: InterviewRequest, by: string): MeetingTransition | undefined {
  if (by !== request.seekerId && by !== request.mentorId) return refused(NOT_A_PARTY);
  if (request.state !== "accepted")
    return refused(
      `${STATE_TEXT[request.state] ?? "This request is closed"}, so there is no time to arrange.`,
    );
  return undefined;
}

/** One of the two puts a time forward (a slot picked or a time typed); the other may confirm it. */
export function propose(
  request: InterviewRequest,
  by: string,
  time: { startsAt: number; timeZone: string },
  now: number,
): MeetingTransition {
  const refusal = guard(request, by);
  if (refusal) return refusal;
  const meeting = meetingOf(request);
  if (meeting.confirmed)
    return refused("A time is already agreed. Press **Reschedule** on it first to look for another.");
  if (time.startsAt <= now) return refused("That time has already passed. Pick or propose a later one.");
  if (meeting.proposal?.by === by && meeting.proposal.startsAt === time.startsAt) return unchanged(request);
  const proposal = { startsAt: time.startsAt, by, at: now, timeZone: time.timeZone };
  return changed(withMeeting(request, { ...meeting, proposal }), "meeting-proposed");
}

/**
 * The other person agrees to the time put forward. `startsAt` is the time their button showed: a
 * proposal changed since is not confirmed blindly.
 */
export function confirm(
  request: InterviewRequest,
  by: string,
  startsAt: number,
  now: number,
): MeetingTransition {
  const refusal = guard(request, by);
  if (refusal) return refusal;
  const meeting = meetingOf(request);
  if (meeting.confirmed?.startsAt === startsAt) return unchanged(request);
  if (meeting.confirmed) return refused("Another time is already agreed: see the latest message.");
  const { proposal } = meeting;
  if (!proposal || proposal.startsAt !== startsAt)
    return refused("That time is no longer the one put forward: see the latest proposal.");
  if (proposal.by === by) return refused("You proposed this time: the other person confirms it.");
  if (startsAt <= now) return refused("That time has already passed. Propose a later one.");
  const round = (meeting.rescheduled?.round ?? 0) + 1;
  const { proposal: _done, remindersSent: _old, ...rest } = meeting;
  return changed(
    withMeeting(request, { ...rest, confirmed: { startsAt, confirmedAt: now, round } }),
    "meeting-confirmed",
  );
}

const cleanReason = (reason: string | undefined): string | undefined => {
  const value = reason?.replace(/\s+/g, " ").trim();
  return value ? [...value].slice(0, MEETING_LIMITS.reason).join("") : undefined;
};

/** Either person gives up the agreed time to find another; the picker opens again. */
export function reschedule(
  request: InterviewRequest,
  by: string,
  reason: string | undefined,
  now: number,
): MeetingTransition {
  const refusal = guard(request, by);
  if (refusal) return refusal;
  const meeting = meetingOf(request);
  if (!meeting.confirmed) return unchanged(request);
  const { confirmed, proposal: _none, remindersSent: _old, ...rest } = meeting;
  const why = cleanReason(reason);
  const rescheduled = { by, at: now, round: confirmed.round, ...(why ? { reason: why } : {}) };
  return changed(withMeeting(request, { ...rest, rescheduled }), "meeting-rescheduled");
}

/**
 * Either person calls the interview off: the request closes as cancelled, late when within
 * `lateCancelMs` (LATE_CANCEL_WINDOW) of an agreed start.
 */
export function cancelMeeting(
  request: InterviewRequest,
  by: string,
  reason: string | undefined,
  now: number,
  lateCancelMs: number,
): MeetingTransition {
  if (request.state === "cancelled" && request.meeting?.cancelled) return unchanged(request);
  const refusal = guard(request, by);
  if (refusal) return refusal;
  const meeting = meetingOf(request);
  const late = meeting.confirmed !== undefined && now > meeting.confirmed.startsAt - lateCancelMs;
  const why = cleanReason(reason);
  const cancelled = { by, at: now, late, ...(why ? { reason: why } : {}) };
  return changed(
    { ...withMeeting(request, { ...meeting, cancelled }), state: "cancelled", closedAt: now },
    "meeting-cancelled",
  );
}
