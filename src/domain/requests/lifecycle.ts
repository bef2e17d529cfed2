import { UserError } from "../errors.js";
import { meetingCloseKey, meetingNudgeKey, requestExpiryKey, TIMER_KINDS } from "../timers/kinds.js";
import type { MentorTerms, RequestDemand } from "./demand.js";
import type { ExpiryStreaks } from "./expiry-streaks.js";
import { GONE, SELF_REQUEST } from "./messages.js";
import type { ActionResult, RequestRecords, RequestTimers } from "./records.js";
import {
  type InterviewRequest,
  type NewRequestInput,
  optionalLine,
  owing,
  REQUEST_LIMITS,
  type RequestDelivery,
  type RequestEffect,
  validateNewRequest,
} from "./request.js";
import { newRequestId } from "./request-id.js";
import type { RequestEvent } from "./state.js";

export interface ExpireResult {
  /** Undefined when the request no longer exists. */
  request?: InterviewRequest;
  changed: boolean;
  /** The librarian let `autoPauseAfterExpiries` requests in a row expire: pause them and say why. */
  shouldPause: boolean;
}

interface RequestLifecycleOptions {
  records: RequestRecords;
  demand: RequestDemand;
  streaks: ExpiryStreaks;
  /** REQUEST_EXPIRY: how long a librarian has to answer. */
  requestExpiryMs: number;
  /** FIRST_CONTACT_NUDGE: how long after acceptance both are nudged if no time is agreed. */
  firstContactNudgeMs: number;
  /** UNSCHEDULED_CLOSE: how long after acceptance an interview with no agreed time closes as not held. */
  unscheduledCloseMs: number;
  clock: () => number;
  timers?: RequestTimers | undefined;
  newId?: (() => string) | undefined;
}

/** The life of a request: sent, delivered, answered, met and rated, or cancelled or let expire. */
export class RequestLifecycle {
  readonly #records: RequestRecords;
  readonly #demand: RequestDemand;
  readonly #streaks: ExpiryStreaks;
  readonly #expiryMs: number;
  readonly #nudgeMs: number;
  readonly #closeMs: number;
  readonly #clock: () => number;
  readonly #timers: RequestTimers | undefined;
  readonly #newId: () => string;

  constructor(options: RequestLifecycleOptions) {
    this.#records = options.records;
    this.#demand = options.demand;
    this.#streaks = options.streaks;
    this.#expiryMs = options.requestExpiryMs;
    this.#nudgeMs = options.firstContactNudgeMs;
    this.#closeMs = options.unscheduledCloseMs;
    this.#clock = options.clock;
    this.#timers = options.timers;
    this.#newId = options.newId ?? newRequestId;
  }

  /** Sends a new request, or refuses with a {@link RequestRefused} naming the limit and when it lifts. */
  async create(input: NewRequestInput, mentor: MentorTerms): Promise<InterviewRequest> {
    const now = this.#clock();
    const { minutes, ...valid } = validateNewRequest(input, mentor.formats);
    if (valid.seekerId === valid.mentorId) throw new UserError(SELF_REQUEST);
    this.#demand.assertMayAsk(valid.guildId, valid.seekerId, valid.mentorId, mentor, now);
    const request: InterviewRequest = {
      id: this.#uniqueId(),
      ...valid,
      state: "pending",
      createdAt: now,
      expiresAt: now + this.#expiryMs,
      meeting: { minutes },
      effects: ["deliver"],
    };
    // Indexed before the first await, so concurrent requests count it against every limit.
    this.#records.index.put(request);
    const timerKey = requestExpiryKey(request.guildId, request.id);
    try {
      // The timer is saved first: if the bot dies before the request is saved, the timer finds nothing.
      await this.#timers?.schedule(
        timerKey,
        request.expiresAt,
        TIMER_KINDS.requestExpiry,
        payloadOf(request),
      );
      await this.#records.add(request);
    } catch (error) {
      this.#records.index.remove(request.id);
      this.#records.cancelTimer(timerKey);
      throw error;
    }
    return request;
  }

  async accept(guildId: string, id: string, actorId: string): Promise<ActionResult> {
    const known = this.#records.require(guildId, id);
    const now = this.#clock();
    const timers = [
      { key: meetingNudgeKey(guildId, id), at: now + this.#nudgeMs, kind: TIMER_KINDS.meetingNudge },
      { key: meetingCloseKey(guildId, id), at: now + this.#closeMs, kind: TIMER_KINDS.meetingClose },
    ];
    const created: string[] = [];
    if (known.state === "pending" && known.mentorId === actorId) {
      // Saved before the acceptance for the same reason as the expiry timer in `create`.
      for (const timer of timers) {
        if (await this.#timers?.ensure(timer.key, timer.at, timer.kind, payloadOf(known)))
          created.push(timer.key);
      }
    }
    try {
      return await this.#records.apply(guildId, id, { type: "accept", by: actorId }, (accepted) =>
        owing(accepted, "connect"),
      );
    } catch (error) {
      for (const key of created) this.#records.cancelTimer(key);
      throw error;
    }
  }

  async decline(guildId: string, id: string, actorId: string, reason?: string): Promise<ActionResult> {
    const cleanReason = optionalLine(reason, "Your reason", REQUEST_LIMITS.declineReason);
    const event: RequestEvent = {
      type: "decline",
      by: actorId,
      ...(cleanReason === undefined ? {} : { reason: cleanReason }),
    };
    return this.#records.apply(guildId, id, event, (declined) => owing(declined, "tell-declined"));
  }

  async cancel(guildId: string, id: string, actorId: string): Promise<ActionResult> {
    return this.#records.apply(guildId, id, { type: "cancel", by: actorId });
  }

  async markMet(guildId: string, id: string, actorId: string): Promise<ActionResult> {
    return this.#records.apply(guildId, id, { type: "met", by: actorId });
  }

  /**
   * The seeker's rating. A different rating given before stays unless `replace` (the seeker
   * confirmed the change): compare the result's `feedback` with `rating` to know which happened.
   */
  async recordFeedback(
    guildId: string,
    id: string,
    actorId: string,
    rating: number,
    replace = false,
  ): Promise<ActionResult> {
    return this.#records.apply(guildId, id, { type: "feedback", by: actorId, rating, replace });
  }

  /** For the expiry timer: a no-op unless the request is still pending. */
  async expire(guildId: string, id: string): Promise<ExpireResult> {
    if (!this.#records.get(guildId, id)) return { changed: false, shouldPause: false };
    const result = await this.#records.apply(guildId, id, { type: "expire" }, (expired) =>
      owing(expired, "tell-expired"),
    );
    // A request that never reached the librarian (DMs closed, no mentoring channel) says nothing about them.
    const shouldPause =
      result.changed &&
      result.request.delivery !== undefined &&
      (await this.#streaks.countOne(guildId, result.request.mentorId));
    if (!shouldPause) return { ...result, shouldPause };
    const request = await this.#patch(guildId, id, (expired) => owing(expired, "pause-librarian"));
    return { request, changed: true, shouldPause };
  }

  /**
   * For the close timer: an accepted interview with no agreed time becomes "not held", owing both
   * a kind word; a no-op once a time is agreed or the request moved on.
   */
  async closeUnscheduled(guildId: string, id: string): Promise<ActionResult | undefined> {
    if (!this.#records.get(guildId, id)) return undefined;
    return this.#records.apply(guildId, id, { type: "not-held" }, (closed) => owing(closed, "tell-not-held"));
  }

  /** `effect` was carried out: it is no longer owed. */
  async settle(guildId: string, id: string, effect: RequestEffect): Promise<InterviewRequest | undefined> {
    if (!this.#records.get(guildId, id)) return undefined;
    return this.#records.update(guildId, id, (current) => {
      if (!current?.effects?.includes(effect)) return current;
      const { effects, ...rest } = current;
      const left = effects.filter((owed) => owed !== effect);
      return left.length > 0 ? { ...rest, effects: left } : rest;
    });
  }

  /** Where the consent message went, so the Discord layer can edit it later. */
  async recordDelivery(guildId: string, id: string, delivery: RequestDelivery): Promise<InterviewRequest> {
    return this.#patch(guildId, id, (request) => ({ ...request, delivery }));
  }

  /** The thread opened for the seeker and librarian after acceptance. */
  async recordThread(guildId: string, id: string, threadId: string): Promise<InterviewRequest> {
    return this.#patch(guildId, id, (request) => ({ ...request, threadId }));
  }

  async #patch(
    guildId: string,
    id: string,
    change: (request: InterviewRequest) => InterviewRequest,
  ): Promise<InterviewRequest> {
    const saved = await this.#records.update(guildId, id, (current) =>
      current ? change(current) : undefined,
    );
    if (!saved) throw new UserError(GONE);
    return saved;
  }

  #uniqueId(): string {
    for (;;) {
      const id = this.#newId();
      if (!this.#records.index.has(id)) return id;
    }
  }
}

const payloadOf = (request: InterviewRequest) => ({ guildId: request.guildId, requestId: request.id });
