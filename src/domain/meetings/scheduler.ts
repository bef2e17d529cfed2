import { UserError } from "../errors.js";
import type { MeetingFollowThrough } from "../requests/follow-through.js";
import { GONE } from "../requests/messages.js";
import type { RequestRecords } from "../requests/records.js";
import type { InterviewRequest } from "../requests/request.js";
import { requestFollowUpKey } from "../timers/kinds.js";
import type { ErrorLogger } from "../timers/scheduler.js";
import { cancelMeeting, confirm, type MeetingTransition, propose, reschedule } from "./transitions.js";

interface MeetingSchedulerOptions {
  records: RequestRecords;
  clock: () => number;
  /** LATE_CANCEL_WINDOW: a cancel this close to the agreed start counts as late. */
  lateCancelMs: number;
  /** Reminders and the "did it happen?" check, told after each confirmation and cancel is saved. */
  followThrough?: MeetingFollowThrough | undefined;
  logger?: ErrorLogger | undefined;
}

/** `changed` is false for a repeat (a double click): nothing new to announce. */
export interface MeetingResult {
  request: InterviewRequest;
  changed: boolean;
}

/**
 * Agreeing a time for an accepted request. Each change is one serialised update of the request's
 * own record, checked against what is stored (who pressed, the state, the current proposal), and
 * saves the announcement it owes in the same write (see RequestEffect).
 */
export class MeetingScheduler {
  readonly #records: RequestRecords;
  readonly #clock: () => number;
  readonly #lateCancelMs: number;
  readonly #followThrough: MeetingFollowThrough | undefined;
  readonly #logger: ErrorLogger | undefined;

  constructor(options: MeetingSchedulerOptions) {
    this.#records = options.records;
    this.#clock = options.clock;
    this.#lateCancelMs = options.lateCancelMs;
    this.#followThrough = options.followThrough;
    this.#logger = options.logger;
  }

  propose(
    guildId: string,
    id: string,
    by: string,
    time: { startsAt: number; timeZone: string },
  ): Promise<MeetingResult> {
    return this.#apply(guildId, id, (request, now) => propose(request, by, time, now));
  }

  async confirm(guildId: string, id: string, by: string, startsAt: number): Promise<MeetingResult> {
    const result = await this.#apply(guildId, id, (request, now) => confirm(request, by, startsAt, now));
    if (result.changed) await this.#tell("confirmed", result.request);
    return result;
  }

  reschedule(guildId: string, id: string, by: string, reason?: string): Promise<MeetingResult> {
    // The next confirmation has a higher round, so reminders set for this one do nothing.
    return this.#apply(guildId, id, (request, now) => reschedule(request, by, reason, now));
  }

  async cancel(guildId: string, id: string, by: string, reason?: string): Promise<MeetingResult> {
    const result = await this.#apply(guildId, id, (request, now) =>
      cancelMeeting(request, by, reason, now, this.#lateCancelMs),
    );
    if (result.changed) {
      this.#records.cancelTimer(requestFollowUpKey(guildId, id));
      await this.#tell("cancelled", result.request);
    }
    return result;
  }

  async #apply(
    guildId: string,
    id: string,
    step: (request: InterviewRequest, now: number) => MeetingTransition,
  ): Promise<MeetingResult> {
    let changed = false;
    const saved = await this.#records.update(guildId, id, (current) => {
      if (!current) throw new UserError(GONE);
      const result = step(current, this.#clock());
      if (result.outcome === "refused") throw new UserError(result.message);
      changed = result.outcome === "changed";
      return result.request;
    });
    if (!saved) throw new UserError(GONE);
    return { request: saved, changed };
  }

  /** The change is saved already: a failure here is logged, never undoes it. */
  async #tell(what: "confirmed" | "cancelled", request: InterviewRequest): Promise<void> {
    try {
      await this.#followThrough?.[what](request);
    } catch (error) {
      this.#logger?.error(
        { err: error, guildId: request.guildId, requestId: request.id },
        `meeting follow-through (${what}) failed`,
      );
    }
  }
}
