import { UserError } from "../errors.js";
import { ASKING_STOPPED, NOT_TAKING_REQUESTS, noShowStopText } from "./messages.js";

/** Which limit stopped a new request, with the dates the seeker needs. Times are ms since the epoch. */
export type RequestLimit =
  /** A block or a pause: the same to the seeker, so neither gives the other away. */
  | { readonly kind: "not-taking-requests" }
  /** A moderator stopped this seeker asking anyone on the server. */
  /** `until` for a stop after repeated no-shows, which lifts by itself. */
  | { readonly kind: "asking-stopped"; readonly until?: number }
  | { readonly kind: "already-waiting"; readonly sentAt: number }
  | { readonly kind: "cooldown"; readonly askedAt: number; readonly days: number; readonly liftsAt: number }
  | { readonly kind: "too-many-pending"; readonly limit: number; readonly liftsAt: number }
  | { readonly kind: "at-capacity"; readonly liftsAt: number };

/**
 * A new request refused by one of the limits. The Discord side words it for the seeker, with dates
 * in their own time zone; this message, with UTC dates, is for anywhere it shows as it is.
 */
export class RequestRefused extends UserError {
  override readonly name = "RequestRefused";
  readonly limit: RequestLimit;

  constructor(limit: RequestLimit) {
    super(plainText(limit));
    this.limit = limit;
  }
}

const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

function plainText(limit: RequestLimit): string {
  switch (limit.kind) {
    case "not-taking-requests":
      return NOT_TAKING_REQUESTS;
    case "asking-stopped":
      return limit.until === undefined ? ASKING_STOPPED : noShowStopText(isoDay(limit.until));
    case "already-waiting":
      return `You already have a request waiting for this librarian's answer (sent ${isoDay(limit.sentAt)}).`;
    case "cooldown":
      return `You asked this librarian on ${isoDay(limit.askedAt)}; you can ask them again from ${isoDay(limit.liftsAt)}.`;
    case "too-many-pending":
      return `You already have ${limit.limit} request${limit.limit === 1 ? "" : "s"} waiting for an answer; this limit lifts by ${isoDay(limit.liftsAt)}.`;
    case "at-capacity":
      return `This librarian can take no more requests this month; this limit lifts on ${isoDay(limit.liftsAt)}.`;
  }
}
