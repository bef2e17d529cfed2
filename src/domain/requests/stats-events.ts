import { hoursBetween, type StatsEvent } from "../stats/index.js";
import type { InterviewRequest } from "./request.js";

/** A count to add, and the time whose UTC day it belongs to. */
export interface DatedStatsEvent {
  event: StatsEvent;
  at: number;
}

/**
 * What a saved change to a request adds to the server's counts. Answers count on the day they were
 * given, meetings on the day marked as met, and ratings on the day of the meeting they rate, which
 * never moves, so a changed rating corrects the count it replaces.
 */
export function statsEventsOf(before: InterviewRequest, after: InterviewRequest): DatedStatsEvent[] {
  const events: DatedStatsEvent[] = [];
  if (before.state === "pending" && (after.state === "accepted" || after.state === "declined")) {
    const at = after.decidedAt ?? after.closedAt ?? after.createdAt;
    events.push({ event: { type: after.state, answerHours: hoursBetween(after.createdAt, at) }, at });
  }
  if (before.state === "pending" && after.state === "expired") {
    events.push({ event: { type: "expired" }, at: after.closedAt ?? after.expiresAt });
  }
  if (before.state !== "met" && after.state === "met") {
    const metAt = after.metAt ?? after.closedAt ?? after.createdAt;
    events.push({ event: { type: "met", meetHours: hoursToMeet(after, metAt) }, at: metAt });
  }
  const agreed = after.meeting?.confirmed;
  // Rounds only rise (a reschedule or "We moved it" starts the next), so round 1 is the first agreement.
  if (agreed?.round === 1 && before.meeting?.confirmed === undefined) {
    events.push({ event: { type: "scheduled" }, at: agreed.confirmedAt });
  }
  if (after.effects?.includes("record-no-show") && !before.effects?.includes("record-no-show")) {
    events.push({ event: { type: "no-show" }, at: agreed?.startsAt ?? after.createdAt });
  }
  const rating = after.feedback?.rating;
  const previous = before.feedback?.rating;
  if (rating !== undefined && rating !== previous) {
    const at = after.metAt ?? after.feedback?.at ?? after.createdAt;
    const event: StatsEvent =
      previous === undefined
        ? { type: "rated", rating }
        : { type: "rating-changed", from: previous, to: rating };
    events.push({ event, at });
  }
  return events;
}

/** From acceptance to the agreed start when a time was agreed (and came first), else to "We met". */
function hoursToMeet(request: InterviewRequest, metAt: number): number {
  const acceptedAt = request.decidedAt ?? request.createdAt;
  const agreed = request.meeting?.confirmed?.startsAt;
  return hoursBetween(acceptedAt, agreed !== undefined && agreed <= metAt ? agreed : metAt);
}
