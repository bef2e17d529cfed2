import { DAY_MS } from "../time.js";
import type { RequestLimit } from "./refusal.js";
import type { InterviewRequest } from "./request.js";

/** The end of the calendar month (UTC) that contains `now`, and its start. */
function utcMonth(now: number): { start: number; end: number } {
  const date = new Date(now);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  return { start: Date.UTC(year, month, 1), end: Date.UTC(year, month + 1, 1) };
}

/** Requests a librarian has taken on this month: sent this month and not turned down or dropped. */
export function countActiveThisMonth(sentToMentor: readonly InterviewRequest[], now: number): number {
  if (sentToMentor.length === 0) return 0;
  const { start, end } = utcMonth(now);
  let count = 0;
  for (const request of sentToMentor) {
    const active = request.state === "pending" || request.state === "accepted" || request.state === "met";
    if (active && request.createdAt >= start && request.createdAt < end) count++;
  }
  return count;
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
