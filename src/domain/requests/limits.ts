import { DAY_MS } from "../time.js";
import type { RequestLimit } from "./refusal.js";
import type { InterviewRequest } from "./request.js";

/** The start of the calendar month (UTC) that contains `now`, and its end. */
export function utcMonth(now: number): { start: number; end: number } {
  const date = new Date(now);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  return { start: Date.UTC(year, month, 1), end: Date.UTC(year, month + 1, 1) };
}

/** Whether a request counts against its librarian's capacity in `month`: sent then, not turned down or dropped. */
export function isActiveIn(request: InterviewRequest, month: { start: number; end: number }): boolean {
  const active = request.state === "pending" || request.state === "accepted" || request.state === "met";
  return active && request.createdAt >= month.start && request.createdAt < month.end;
}

/** Requests a librarian has taken on this month. */
export function countActiveThisMonth(sentToMentor: readonly InterviewRequest[], now: number): number {
  const month = utcMonth(now);
  return sentToMentor.filter((request) => isActiveIn(request, month)).length;
}

/** How many of the requests were sent at or after `since`. */
export function countSince(requests: readonly InterviewRequest[], since: number): number {
  let count = 0;
  for (const request of requests) if (request.createdAt >= since) count++;
  return count;
}

/**
 * Why this seeker may not ask this librarian again yet, from the seeker's requests to them:
 * one is still waiting, or the last was less than `cooldownDays` ago and was not accepted.
 */
export function repeatLimit(
  sentToMentor: readonly InterviewRequest[],
  cooldownDays: number,
  now: number,
): RequestLimit | undefined {
  const waiting = sentToMentor.find((request) => request.state === "pending");
  if (waiting) return { kind: "already-waiting", sentAt: waiting.createdAt };
  const last = latest(sentToMentor);
  if (!last || last.state === "accepted" || last.state === "met") return undefined;
  const liftsAt = last.createdAt + cooldownDays * DAY_MS;
  return now < liftsAt
    ? { kind: "cooldown", askedAt: last.createdAt, days: cooldownDays, liftsAt }
    : undefined;
}

/** The seeker already has `limit` requests waiting; the limit lifts at the latest when the first expires. */
export function pendingLimit(
  sentBySeeker: readonly InterviewRequest[],
  limit: number,
): RequestLimit | undefined {
  const pending = sentBySeeker.filter((request) => request.state === "pending");
  if (pending.length < limit) return undefined;
  return {
    kind: "too-many-pending",
    limit,
    liftsAt: Math.min(...pending.map((request) => request.expiresAt)),
  };
}

export function capacityLimit(
  activeThisMonth: number,
  monthlyCapacity: number,
  now: number,
): RequestLimit | undefined {
  return activeThisMonth < monthlyCapacity ? undefined : { kind: "at-capacity", liftsAt: utcMonth(now).end };
}

function latest(requests: readonly InterviewRequest[]): InterviewRequest | undefined {
  let found: InterviewRequest | undefined;
  for (const request of requests) if (!found || request.createdAt > found.createdAt) found = request;
  return found;
}
