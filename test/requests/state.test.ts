import { describe, expect, it } from "vitest";
import type { InterviewRequest, RequestState } from "../../src/domain/requests/request.js";
import { type RequestEvent, transition } from "../../src/domain/requests/state.js";

const T0 = Date.UTC(2025, 0, 6);
const NOW = T0 + 3_600_000;
const SEEKER = "seeker";
const MENTOR = "mentor";

const request = (state: RequestState, extra: Partial<InterviewRequest> = {}): InterviewRequest => ({
  id: "abc12345",
  guildId: "g",
  seekerId: SEEKER,
  seekerName: "Sam",
  mentorId: MENTOR,
  libraryType: "academic",
  note: "What does a week of liaison work look like for you?",
  format: "video",
  state,
  createdAt: T0,
  expiresAt: T0 + 7 * 86_400_000,
  ...extra,
});

const EVENTS: RequestEvent[] = [
  { type: "accept", by: MENTOR },
  { type: "decline", by: MENTOR },
  { type: "cancel", by: SEEKER },
  { type: "met", by: SEEKER },
  { type: "feedback", by: SEEKER, rating: 4 },
  { type: "expire" },
  { type: "withdraw" },
  { type: "attended", by: SEEKER },
  { type: "not-held" },
];

/** A record, so that a new state does not compile until it is listed here. */
const IS_FINAL: Record<RequestState, boolean> = {
  pending: false,
  accepted: false,
  met: true,
  declined: true,
  expired: true,
  cancelled: true,
  withdrawn: true,
  "not-held": true,
};
const FINAL = (Object.keys(IS_FINAL) as RequestState[]).filter((state) => IS_FINAL[state]);

describe("transition from pending", () => {
  it("accept records the decision time", () => {
    expect(transition(request("pending"), { type: "accept", by: MENTOR }, NOW)).toEqual({
      outcome: "changed",
      request: request("pending", { state: "accepted", decidedAt: NOW }),
    });
  });

  it("decline records the decision, closes the request and keeps a trimmed reason", () => {
    const result = transition(
      request("pending"),
      { type: "decline", by: MENTOR, reason: "  Too busy  " },
      NOW,
    );
    expect(result).toEqual({
      outcome: "changed",
      request: request("pending", {
        state: "declined",
        decidedAt: NOW,
        closedAt: NOW,
        declineReason: "Too busy",
      }),
    });
  });

  it("decline without a reason stores none", () => {
    const result = transition(request("pending"), { type: "decline", by: MENTOR, reason: "   " }, NOW);
    expect(result.outcome === "changed" && "declineReason" in result.request).toBe(false);
  });

  it.each([
    [{ type: "cancel", by: SEEKER } as RequestEvent, "cancelled"],
    [{ type: "expire" } as RequestEvent, "expired"],
    [{ type: "withdraw" } as RequestEvent, "withdrawn"],
  ])("%o closes it as %s without a decision time", (event, state) => {
    expect(transition(request("pending"), event, NOW)).toEqual({
      outcome: "changed",
      request: request("pending", { state: state as RequestState, closedAt: NOW }),
    });
  });

  it("cannot be marked as met or rated before acceptance", () => {
    expect(transition(request("pending"), { type: "met", by: SEEKER }, NOW)).toMatchObject({
      outcome: "refused",
      reason: "wrong-state",
      message: "This request hasn't been accepted yet, so it can't be marked as met now.",
    });
    expect(transition(request("pending"), { type: "feedback", by: SEEKER, rating: 5 }, NOW)).toMatchObject({
      outcome: "refused",
    });
  });
});

describe("transition from accepted", () => {
  const accepted = request("accepted", { decidedAt: T0 });

  it("met records when", () => {
    expect(transition(accepted, { type: "met", by: SEEKER }, NOW)).toEqual({
      outcome: "changed",
      request: { ...accepted, state: "met", metAt: NOW, closedAt: NOW },
    });
  });

  it("withdraw closes it", () => {
    expect(transition(accepted, { type: "withdraw" }, NOW)).toEqual({
      outcome: "changed",
      request: { ...accepted, state: "withdrawn", closedAt: NOW },
    });
  });

  it("refuses decline and cancel after acceptance", () => {
    expect(transition(accepted, { type: "decline", by: MENTOR }, NOW)).toEqual({
      outcome: "refused",
      reason: "wrong-state",
      message: "This request was already accepted, so it can't be declined now.",
    });
    expect(transition(accepted, { type: "cancel", by: SEEKER }, NOW)).toMatchObject({
      outcome: "refused",
      message: "This request was already accepted, so it can't be cancelled now.",
    });
  });

  it("a yes to 'did it happen?' from either of the two marks it met; a stranger's is refused", () => {
    for (const by of [SEEKER, MENTOR]) {
      expect(transition(accepted, { type: "attended", by }, NOW)).toEqual({
        outcome: "changed",
        request: { ...accepted, state: "met", metAt: NOW, closedAt: NOW },
      });
    }
    expect(transition(accepted, { type: "attended", by: "stranger" }, NOW)).toEqual({
      outcome: "refused",
      reason: "wrong-actor",
      message: "Only the two people in this interview can do that.",
    });
  });

  it("closes as not held only while no time is agreed", () => {
    expect(transition(accepted, { type: "not-held" }, NOW)).toEqual({
      outcome: "changed",
      request: { ...accepted, state: "not-held", closedAt: NOW },
    });
    const confirmed = { startsAt: NOW + 1000, confirmedAt: NOW - 1000, round: 1 };
    const agreed = { ...accepted, meeting: { minutes: 30 as const, confirmed } };
    expect(transition(agreed, { type: "not-held" }, NOW)).toEqual({ outcome: "unchanged", request: agreed });
    // A cancelled agreement is no agreed time.
    const cancelled = {
      ...agreed,
      meeting: { ...agreed.meeting, cancelled: { by: SEEKER, at: NOW, late: false } },
    };
    expect(transition(cancelled, { type: "not-held" }, NOW).outcome).toBe("changed");
  });

  it("an expiry that arrives late changes nothing", () => {
    expect(transition(accepted, { type: "expire" }, NOW)).toEqual({
      outcome: "unchanged",
      request: accepted,
    });
  });
});

describe("final states", () => {
  it.each(FINAL)("%s has no way out", (state) => {
    const closed = request(state, { closedAt: T0 });
    for (const event of EVENTS) {
      const result = transition(closed, event, NOW);
      // Feedback on a met interview is the one change allowed, and it does not move the state.
      if (state === "met" && event.type === "feedback") {
        expect(result.outcome === "changed" && result.request.state).toBe("met");
        continue;
      }
      expect(result.outcome).not.toBe("changed");
      if (result.outcome === "unchanged") expect(result.request).toBe(closed);
    }
  });

  it("says why an ended request cannot be accepted", () => {
    expect(transition(request("expired"), { type: "accept", by: MENTOR }, NOW)).toMatchObject({
      outcome: "refused",
      message: "This request expired without an answer, so it can't be accepted now.",
    });
    expect(transition(request("cancelled"), { type: "accept", by: MENTOR }, NOW)).toMatchObject({
      message: "This request was cancelled, so it can't be accepted now.",
    });
  });
});

describe("double clicks", () => {
  it.each([
    ["accept", request("accepted"), { type: "accept", by: MENTOR }],
    ["accept after met", request("met"), { type: "accept", by: MENTOR }],
    ["decline", request("declined"), { type: "decline", by: MENTOR }],
    ["cancel", request("cancelled"), { type: "cancel", by: SEEKER }],
    ["met", request("met"), { type: "met", by: SEEKER }],
    [
      "feedback",
      request("met", { feedback: { rating: 4, at: T0 } }),
      { type: "feedback", by: SEEKER, rating: 4 },
    ],
  ] as [string, InterviewRequest, RequestEvent][])("a second %s is a no-op", (_name, current, event) => {
    expect(transition(current, event, NOW)).toEqual({ outcome: "unchanged", request: current });
  });
});

describe("who may act", () => {
  it.each([
    [{ type: "accept", by: SEEKER }, "Only the librarian this request was sent to can do that."],
    [{ type: "decline", by: "stranger" }, "Only the librarian this request was sent to can do that."],
    [{ type: "cancel", by: MENTOR }, "Only the person who sent this request can do that."],
    [{ type: "met", by: MENTOR }, "Only the person who sent this request can do that."],
    [{ type: "feedback", by: MENTOR, rating: 5 }, "Only the person who sent this request can do that."],
  ] as [RequestEvent, string][])("%o is refused", (event, message) => {
    const current = request(event.type === "met" || event.type === "feedback" ? "met" : "pending");
    expect(transition(current, event, NOW)).toEqual({ outcome: "refused", reason: "wrong-actor", message });
  });

  it("the wrong actor is refused even when the event would be a no-op", () => {
    expect(transition(request("accepted"), { type: "accept", by: SEEKER }, NOW)).toMatchObject({
      reason: "wrong-actor",
    });
  });
});

describe("feedback", () => {
  const met = request("met", { metAt: T0 });

  it("stores a rating from 1 to 5, and replaces it with another only when asked to", () => {
    const first = transition(met, { type: "feedback", by: SEEKER, rating: 2 }, NOW);
    expect(first).toEqual({ outcome: "changed", request: { ...met, feedback: { rating: 2, at: NOW } } });
    if (first.outcome !== "changed") return;
    const unasked = transition(first.request, { type: "feedback", by: SEEKER, rating: 5 }, NOW + 1);
    expect(unasked).toEqual({ outcome: "unchanged", request: first.request });
    const same = { type: "feedback", by: SEEKER, rating: 2, replace: true } as const;
    expect(transition(first.request, same, NOW + 1)).toEqual({
      outcome: "unchanged",
      request: first.request,
    });
    const second = transition(first.request, { ...same, rating: 5 }, NOW + 1);
    expect(second.outcome === "changed" && second.request.feedback).toEqual({ rating: 5, at: NOW + 1 });
  });

  it.each([0, 6, 2.5, Number.NaN])("refuses the rating %d", (rating) => {
    expect(transition(met, { type: "feedback", by: SEEKER, rating }, NOW)).toEqual({
      outcome: "refused",
      reason: "wrong-state",
      message: "A rating is a whole number from 1 to 5.",
    });
  });

  it("needs the interview marked as met first", () => {
    expect(transition(request("accepted"), { type: "feedback", by: SEEKER, rating: 3 }, NOW)).toMatchObject({
      message: "You can rate an interview once you've marked it as met.",
    });
  });
});
