import { randomBytes } from "node:crypto";
import { collectionPattern, guildKey, type Store } from "../../store/store.js";
import { UserError } from "../errors.js";
import { assertId } from "../ids.js";
import { type MentorDemand, NOBODY_ASKED, type SearchDemand } from "../mentors/demand.js";
import type { MeetingFormat } from "../mentors/profile.js";
import type { GuildSettings } from "../settings/guild-settings.js";
import { requestExpiryKey, requestFollowUpKey, TIMER_KINDS } from "../timers/kinds.js";
import type { ErrorLogger } from "../timers/scheduler.js";
import {
  capacityRefusal,
  countActiveThisMonth,
  countSince,
  pendingCapRefusal,
  repeatRefusal,
} from "./limits.js";
import { GONE, NOT_TAKING_REQUESTS, SELF_REQUEST } from "./messages.js";
import {
  type InterviewRequest,
  isOpen,
  type NewRequestInput,
  optionalLine,
  REQUEST_LIMITS,
  type RequestDelivery,
  type RequestState,
  type ValidNewRequest,
  validateNewRequest,
} from "./request.js";
import { RequestIndex } from "./request-index.js";
import { type RequestEvent, transition } from "./state.js";

/** What a request needs to know about the librarian, from their profile. */
export interface MentorTerms {
  formats: readonly MeetingFormat[];
  monthlyCapacity: number;
  /** A paused librarian is refused with the same words as a block, so neither gives the other away. */
  paused?: boolean;
}

/** The part of the timer scheduler the service uses. */
export interface RequestTimers {
  schedule(key: string, dueAt: number, kind: string, payload: unknown): Promise<void>;
  ensure(key: string, dueAt: number, kind: string, payload: unknown): Promise<boolean>;
  cancel(key: string): Promise<boolean>;
}

export interface RequestServiceOptions {
  store: Store;
  settings: { get(guildId: string): GuildSettings };
  /** REQUEST_EXPIRY: how long a librarian has to answer. */
  requestExpiryMs: number;
  /** FOLLOWUP_DELAY: how long after acceptance the seeker is asked whether they met. */
  followUpDelayMs: number;
  timers?: RequestTimers;
  logger?: ErrorLogger;
  clock?: () => number;
  newId?: () => string;
}

/** `changed` is false for a repeat (a double click): nothing new to announce. */
export interface ActionResult {
  request: InterviewRequest;
  changed: boolean;
}

export interface ExpireResult {
  /** Undefined when the request no longer exists. */
  request?: InterviewRequest;
  changed: boolean;
  /** The librarian let `autoPauseAfterExpiries` requests in a row expire: pause them and say why. */
  shouldPause: boolean;
}

export interface BlockRecord {
  guildId: string;
  mentorId: string;
  seekerId: string;
  createdAt: number;
}

export interface RequestExport {
  guildId: string;
  userId: string;
  requestsSent: InterviewRequest[];
  /** Without the seekers' private feedback. */
  requestsReceived: InterviewRequest[];
  blocksMade: { seekerId: string; createdAt: number }[];
}

const REQUEST_COLLECTION = "request";
const BLOCK_COLLECTION = "block";
const requestKey = (guildId: string, id: string): string => guildKey(guildId, REQUEST_COLLECTION, id);
const blockKey = (guildId: string, mentorId: string, seekerId: string): string =>
  guildKey(guildId, BLOCK_COLLECTION, `${mentorId}:${seekerId}`);
const streakKey = (guildId: string, mentorId: string): string => guildKey(guildId, "expiry-streak", mentorId);
const blockId = (guildId: string, mentorId: string, seekerId: string): string =>
  `${guildId}/${mentorId}/${seekerId}`;
/** Newest first; the id settles ties, so a list reads the same whatever order the store was loaded in. */
const newestFirst = (a: InterviewRequest, b: InterviewRequest): number =>
  b.createdAt - a.createdAt || a.id.localeCompare(b.id);

/** Interview requests: limits, the life of each request, blocks, and users' data. */
export class RequestService implements MentorDemand {
  readonly #store: Store;
  readonly #settings: RequestServiceOptions["settings"];
  readonly #expiryMs: number;
  readonly #followUpMs: number;
  readonly #timers: RequestTimers | undefined;
  readonly #logger: ErrorLogger | undefined;
  readonly #clock: () => number;
  readonly #newId: () => string;
  readonly #index = new RequestIndex();
  readonly #blocks = new Map<string, BlockRecord>();

  constructor(options: RequestServiceOptions) {
    this.#store = options.store;
    this.#settings = options.settings;
    this.#expiryMs = options.requestExpiryMs;
    this.#followUpMs = options.followUpDelayMs;
    this.#timers = options.timers;
    this.#logger = options.logger;
    this.#clock = options.clock ?? Date.now;
    this.#newId = options.newId ?? shortId;
  }

  /** Builds the in-memory indexes from the store. Call once at start-up. */
  async load(): Promise<void> {
    this.#index.clear();
    this.#blocks.clear();
    for await (const [, request] of this.#store.entries<InterviewRequest>(
      collectionPattern(REQUEST_COLLECTION),
    ))
      this.#index.put(request);
    for await (const [, block] of this.#store.entries<BlockRecord>(collectionPattern(BLOCK_COLLECTION)))
      this.#blocks.set(blockId(block.guildId, block.mentorId, block.seekerId), block);
  }

  get(guildId: string, id: string): InterviewRequest | undefined {
    const request = this.#index.get(id);
    return request?.guildId === guildId ? request : undefined;
  }

  /** Sends a new request, or refuses with a {@link UserError} naming the limit and when it lifts. */
  async create(input: NewRequestInput, mentor: MentorTerms): Promise<InterviewRequest> {
    const now = this.#clock();
    const valid = validateNewRequest(input, mentor.formats);
    const refusal = this.#refusal(valid, mentor, now);
    if (refusal) throw new UserError(refusal);
    const request: InterviewRequest = {
      id: this.#uniqueId(),
      ...valid,
      state: "pending",
      createdAt: now,
      expiresAt: now + this.#expiryMs,
    };
    // Reserved before the first await, so concurrent requests count it against every limit.
    this.#index.put(request);
    const timerKey = requestExpiryKey(request.guildId, request.id);
    try {
      // The timer is saved first: if the bot dies before the request is saved, the timer finds nothing.
      await this.#timers?.schedule(
        timerKey,
        request.expiresAt,
        TIMER_KINDS.requestExpiry,
        payloadOf(request),
      );
      await this.#store.update<InterviewRequest>(requestKey(request.guildId, request.id), () => request);
    } catch (error) {
      this.#index.remove(request.id);
      this.#cancelTimer(timerKey);
      throw error;
    }
    return request;
  }

  async accept(guildId: string, id: string, actorId: string): Promise<ActionResult> {
    const known = this.#require(guildId, id);
    const followUpAt = this.#clock() + this.#followUpMs;
    const timerKey = requestFollowUpKey(guildId, id);
    let newTimer = false;
    if (known.state === "pending" && known.mentorId === actorId) {
      // Saved before the acceptance for the same reason as the expiry timer in `create`.
      newTimer =
        (await this.#timers?.ensure(timerKey, followUpAt, TIMER_KINDS.requestFollowUp, payloadOf(known))) ??
        false;
    }
    try {
      return await this.#apply(guildId, id, { type: "accept", by: actorId }, (accepted) => ({
        ...accepted,
        followUpAt,
      }));
    } catch (error) {
      if (newTimer) this.#cancelTimer(timerKey);
      throw error;
    }
  }

  async decline(guildId: string, id: string, actorId: string, reason?: string): Promise<ActionResult> {
    const cleanReason = optionalLine(reason, "Your reason", REQUEST_LIMITS.declineReason);
    return this.#apply(guildId, id, {
      type: "decline",
      by: actorId,
      ...(cleanReason === undefined ? {} : { reason: cleanReason }),
    });
  }

  async cancel(guildId: string, id: string, actorId: string): Promise<ActionResult> {
    return this.#apply(guildId, id, { type: "cancel", by: actorId });
  }

  async markMet(guildId: string, id: string, actorId: string): Promise<ActionResult> {
    return this.#apply(guildId, id, { type: "met", by: actorId });
  }

  async recordFeedback(guildId: string, id: string, actorId: string, rating: number): Promise<ActionResult> {
    return this.#apply(guildId, id, { type: "feedback", by: actorId, rating });
  }

  /** For the expiry timer: a no-op unless the request is still pending. */
  async expire(guildId: string, id: string): Promise<ExpireResult> {
    if (!this.get(guildId, id)) return { changed: false, shouldPause: false };
    const result = await this.#apply(guildId, id, { type: "expire" });
    // A request that never reached the librarian (DMs closed, no mentoring channel) says nothing about them.
    const shouldPause =
      result.changed &&
      result.request.delivery !== undefined &&
      (await this.#countExpiry(guildId, result.request.mentorId));
    return { ...result, shouldPause };
  }

  /**
   * For the follow-up timer: the request, exactly once, if the seeker should now be asked whether
   * they met; undefined when that was done already or no longer makes sense.
   */
  async claimFollowUp(guildId: string, id: string): Promise<InterviewRequest | undefined> {
    if (!this.get(guildId, id)) return undefined;
    let claimed = false;
    const saved = await this.#store.update<InterviewRequest>(requestKey(guildId, id), (current) => {
      claimed = current?.state === "accepted" && current.followUpSentAt === undefined;
      return current && claimed ? { ...current, followUpSentAt: this.#clock() } : current;
    });
    if (saved) this.#index.put(saved);
    return claimed ? saved : undefined;
  }

  /** Where the consent message went, so the Discord layer can edit it later. */
  async recordDelivery(guildId: string, id: string, delivery: RequestDelivery): Promise<InterviewRequest> {
    return this.#patch(guildId, id, (request) => ({ ...request, delivery }));
  }

  /** The thread opened for the seeker and librarian after acceptance. */
  async recordThread(guildId: string, id: string, threadId: string): Promise<InterviewRequest> {
    return this.#patch(guildId, id, (request) => ({ ...request, threadId }));
  }

  /** The request, if `actorId` is its librarian (for Block and Report buttons); else a {@link UserError}. */
  requireMentorOf(guildId: string, id: string, actorId: string): InterviewRequest {
    const request = this.#require(guildId, id);
    if (request.mentorId !== actorId)
      throw new UserError("Only the librarian this request was sent to can do that.");
    return request;
  }

  /** The librarian of request `id` blocks its seeker. Returns the requests this closed. */
  async blockRequester(guildId: string, id: string, actorId: string): Promise<InterviewRequest[]> {
    const request = this.requireMentorOf(guildId, id, actorId);
    return this.block(guildId, request.mentorId, request.seekerId);
  }

  /**
   * The seeker can never ask this librarian again, and neither search nor the limits show why.
   * Their open requests to the librarian are declined (pending) or withdrawn (accepted); those are
   * returned so the Discord layer can update the messages.
   */
  async block(guildId: string, mentorId: string, seekerId: string): Promise<InterviewRequest[]> {
    assertId(guildId, "guildId");
    assertId(mentorId, "mentorId");
    assertId(seekerId, "seekerId");
    if (mentorId === seekerId) throw new UserError("You can't block yourself.");
    const record: BlockRecord = { guildId, mentorId, seekerId, createdAt: this.#clock() };
    const saved = await this.#store.update<BlockRecord>(
      blockKey(guildId, mentorId, seekerId),
      (current) => current ?? record,
    );
    this.#blocks.set(blockId(guildId, mentorId, seekerId), saved ?? record);
    const closed: InterviewRequest[] = [];
    for (const request of this.#index.sentBy(guildId, seekerId)) {
      if (request.mentorId !== mentorId || !isOpen(request.state)) continue;
      const event: RequestEvent =
        request.state === "pending" ? { type: "decline", by: mentorId } : { type: "withdraw" };
      const result = await this.#apply(guildId, request.id, event);
      if (result.changed) closed.push(result.request);
    }
    return closed;
  }

  isBlocked(guildId: string, mentorId: string, seekerId: string): boolean {
    return this.#blocks.size > 0 && this.#blocks.has(blockId(guildId, mentorId, seekerId));
  }

  /** Open requests the user sent and received, newest first. */
  listFor(guildId: string, userId: string): { asSeeker: InterviewRequest[]; asMentor: InterviewRequest[] } {
    const open = (requests: InterviewRequest[]) => requests.filter((r) => isOpen(r.state)).sort(newestFirst);
    return {
      asSeeker: open(this.#index.sentBy(guildId, userId)),
      asMentor: open(this.#index.sentTo(guildId, userId)),
    };
  }

  /** Seekers' private ratings of interviews with this librarian, newest first: for moderators only. */
  feedbackAbout(
    guildId: string,
    mentorId: string,
  ): { requestId: string; seekerId: string; rating: number; at: number }[] {
    return this.#index
      .sentTo(guildId, mentorId)
      .flatMap(({ id, seekerId, feedback }) => (feedback ? [{ requestId: id, seekerId, ...feedback }] : []))
      .sort((a, b) => b.at - a.at);
  }

  /** The private "was it useful?" ratings per librarian, most rated first, for moderators only. */
  ratingsByMentor(guildId: string): { mentorId: string; count: number; average: number }[] {
    const totals = new Map<string, { count: number; sum: number }>();
    for (const { mentorId, feedback } of this.#index.inGuild(guildId)) {
      if (!feedback) continue;
      const total = totals.get(mentorId) ?? { count: 0, sum: 0 };
      total.count++;
      total.sum += feedback.rating;
      totals.set(mentorId, total);
    }
    return [...totals]
      .map(([mentorId, { count, sum }]) => ({ mentorId, count, average: sum / count }))
      .sort((a, b) => b.count - a.count || a.mentorId.localeCompare(b.mentorId));
  }

  /** Requests still waiting that never reached their librarian (DMs closed, no mentoring channel then), oldest first. */
  undelivered(guildId: string): InterviewRequest[] {
    return this.#index
      .inGuild(guildId)
      .filter((request) => request.state === "pending" && request.delivery === undefined)
      .sort((a, b) => newestFirst(b, a));
  }

  /** How many of the guild's requests are in each state, for moderators. */
  stats(guildId: string): Record<RequestState, number> {
    const counts = { pending: 0, accepted: 0, met: 0, declined: 0, expired: 0, cancelled: 0, withdrawn: 0 };
    for (const request of this.#index.inGuild(guildId)) counts[request.state]++;
    return counts;
  }

  /**
   * Withdraws every open request the user is part of: on either side before deleting their data, or
   * only `as: "mentor"` when a librarian leaves the directory. Returns the withdrawn requests and,
   * once each, the other people in them, to be told.
   */
  async withdrawAllFor(
    guildId: string,
    userId: string,
    as?: "seeker" | "mentor",
  ): Promise<{ withdrawn: InterviewRequest[]; notify: string[] }> {
    const withdrawn: InterviewRequest[] = [];
    const requests =
      as === "seeker"
        ? this.#index.sentBy(guildId, userId)
        : as === "mentor"
          ? this.#index.sentTo(guildId, userId)
          : this.#index.involving(guildId, userId);
    for (const request of requests) {
      if (!isOpen(request.state)) continue;
      const result = await this.#apply(guildId, request.id, { type: "withdraw" });
      if (result.changed) withdrawn.push(result.request);
    }
    const others = withdrawn.map((r) => (r.seekerId === userId ? r.mentorId : r.seekerId));
    return { withdrawn, notify: [...new Set(others)] };
  }

  /**
   * Everything kept about the user in this guild. Blocks of them and feedback about them are left
   * out: showing those would reveal a block or a seeker's private rating.
   */
  exportFor(guildId: string, userId: string): RequestExport {
    return {
      guildId,
      userId,
      requestsSent: this.#index.sentBy(guildId, userId).sort(newestFirst),
      requestsReceived: this.#index
        .sentTo(guildId, userId)
        .sort(newestFirst)
        .map(({ feedback: _private, ...request }) => request),
      blocksMade: [...this.#blocks.values()]
        .filter((block) => block.guildId === guildId && block.mentorId === userId)
        .sort((a, b) => a.createdAt - b.createdAt || a.seekerId.localeCompare(b.seekerId))
        .map(({ seekerId, createdAt }) => ({ seekerId, createdAt })),
    };
  }

  /**
   * Deletes the user's requests on either side (feedback lives in them), blocks by or of them, and
   * their expiry count. Call {@link withdrawAllFor} first so the other people can be told.
   */
  async deleteAllFor(guildId: string, userId: string): Promise<{ requests: number; blocks: number }> {
    const requests = this.#index.involving(guildId, userId);
    for (const request of requests) {
      await this.#store.delete(requestKey(guildId, request.id));
      this.#index.remove(request.id);
      this.#cancelTimer(requestExpiryKey(guildId, request.id));
      this.#cancelTimer(requestFollowUpKey(guildId, request.id));
    }
    const blocks = [...this.#blocks.entries()].filter(
      ([, block]) => block.guildId === guildId && (block.mentorId === userId || block.seekerId === userId),
    );
    for (const [id, block] of blocks) {
      await this.#store.delete(blockKey(guildId, block.mentorId, block.seekerId));
      this.#blocks.delete(id);
    }
    await this.#store.delete(streakKey(guildId, userId));
    return { requests: requests.length, blocks: blocks.length };
  }

  // MentorDemand: answered from memory, for search.

  askedSince(guildId: string, mentorId: string, since: number): number {
    return countSince(this.#index.sentTo(guildId, mentorId), since);
  }

  activeThisMonth(guildId: string, mentorId: string, now: number): number {
    return countActiveThisMonth(this.#index.sentTo(guildId, mentorId), now);
  }

  isExcluded(guildId: string, seekerId: string, mentorId: string, now: number): boolean {
    return this.#pairRefusal(guildId, seekerId, mentorId, now) !== undefined;
  }

  forSearch(guildId: string, seekerId: string, now: number, since: number): SearchDemand {
    if (this.#blocks.size === 0 && !this.#index.anyIn(guildId)) return NOBODY_ASKED;
    const refused = this.#repeatsRefused(guildId, seekerId, now);
    return {
      askedIfAvailable: (mentorId, monthlyCapacity) => {
        if (refused.has(mentorId) || this.isBlocked(guildId, mentorId, seekerId)) return -1;
        const received = this.#index.sentTo(guildId, mentorId);
        if (countActiveThisMonth(received, now) >= monthlyCapacity) return -1;
        return countSince(received, since);
      },
      askedSince: (mentorId) => this.askedSince(guildId, mentorId, since),
    };
  }

  /** The librarians this seeker may not ask again yet (see {@link repeatRefusal}), worked out once per search. */
  #repeatsRefused(guildId: string, seekerId: string, now: number): ReadonlySet<string> {
    const byMentor = new Map<string, InterviewRequest[]>();
    for (const request of this.#index.sentBy(guildId, seekerId)) {
      const toMentor = byMentor.get(request.mentorId);
      if (toMentor) toMentor.push(request);
      else byMentor.set(request.mentorId, [request]);
    }
    const refused = new Set<string>();
    if (byMentor.size === 0) return refused;
    const cooldownDays = this.#settings.get(guildId).sameMentorCooldownDays;
    for (const [mentorId, toMentor] of byMentor)
      if (repeatRefusal(toMentor, cooldownDays, now) !== undefined) refused.add(mentorId);
    return refused;
  }

  #pairRefusal(guildId: string, seekerId: string, mentorId: string, now: number): string | undefined {
    if (this.isBlocked(guildId, mentorId, seekerId)) return NOT_TAKING_REQUESTS;
    const toMentor = this.#index.sentBy(guildId, seekerId).filter((request) => request.mentorId === mentorId);
    // Search asks this of many librarians, nearly all never asked by this seeker.
    if (toMentor.length === 0) return undefined;
    return repeatRefusal(toMentor, this.#settings.get(guildId).sameMentorCooldownDays, now);
  }

  #refusal(request: ValidNewRequest, mentor: MentorTerms, now: number): string | undefined {
    const { guildId, seekerId, mentorId } = request;
    if (seekerId === mentorId) return SELF_REQUEST;
    if (mentor.paused) return NOT_TAKING_REQUESTS;
    // The block is checked before the other limits so that no other message gives it away.
    return (
      this.#pairRefusal(guildId, seekerId, mentorId, now) ??
      pendingCapRefusal(
        this.#index.sentBy(guildId, seekerId),
        this.#settings.get(guildId).maxPendingPerSeeker,
      ) ??
      capacityRefusal(this.activeThisMonth(guildId, mentorId, now), mentor.monthlyCapacity, now)
    );
  }

  #require(guildId: string, id: string): InterviewRequest {
    const request = this.get(guildId, id);
    if (!request) throw new UserError(GONE);
    return request;
  }

  /** Runs `event` through the state machine on the stored record; refusals become {@link UserError}s. */
  async #apply(
    guildId: string,
    id: string,
    event: RequestEvent,
    onChange: (request: InterviewRequest) => InterviewRequest = (request) => request,
  ): Promise<ActionResult> {
    this.#require(guildId, id);
    let before: InterviewRequest | undefined;
    let changed = false;
    const saved = await this.#store.update<InterviewRequest>(requestKey(guildId, id), (current) => {
      if (!current) throw new UserError(GONE);
      const result = transition(current, event, this.#clock());
      if (result.outcome === "refused") throw new UserError(result.message);
      before = current;
      changed = result.outcome === "changed";
      return changed ? onChange(result.request) : current;
    });
    if (!saved || !before) throw new UserError(GONE);
    this.#index.put(saved);
    if (changed) await this.#afterChange(before, saved);
    return { request: saved, changed };
  }

  async #afterChange(before: InterviewRequest, after: InterviewRequest): Promise<void> {
    const { guildId, id } = after;
    if (before.state === "pending" && after.state !== "pending")
      this.#cancelTimer(requestExpiryKey(guildId, id));
    if (before.state === "accepted") this.#cancelTimer(requestFollowUpKey(guildId, id));
    // An answer, either way, ends a run of unanswered requests.
    if (before.state === "pending" && (after.state === "accepted" || after.state === "declined")) {
      await this.#store.delete(streakKey(guildId, after.mentorId)).catch((error: unknown) => {
        this.#logger?.error(
          { err: error, guildId, mentorId: after.mentorId },
          "could not reset the expiry count",
        );
      });
    }
  }

  async #patch(
    guildId: string,
    id: string,
    change: (request: InterviewRequest) => InterviewRequest,
  ): Promise<InterviewRequest> {
    this.#require(guildId, id);
    const saved = await this.#store.update<InterviewRequest>(requestKey(guildId, id), (current) =>
      current ? change(current) : undefined,
    );
    if (!saved) throw new UserError(GONE);
    this.#index.put(saved);
    return saved;
  }

  /** Counts one more unanswered request; true (and the count restarts) when it reaches the limit. */
  async #countExpiry(guildId: string, mentorId: string): Promise<boolean> {
    const limit = this.#settings.get(guildId).autoPauseAfterExpiries;
    let reached = false;
    await this.#store.update<{ count: number }>(streakKey(guildId, mentorId), (current) => {
      const count = (current?.count ?? 0) + 1;
      reached = count >= limit;
      return reached ? undefined : { count };
    });
    return reached;
  }

  /** A stray timer only finds nothing to do, so failing to cancel one is logged, not thrown. */
  #cancelTimer(key: string): void {
    this.#timers?.cancel(key).catch((error: unknown) => {
      this.#logger?.error({ err: error, timer: key }, "could not cancel a timer");
    });
  }

  #uniqueId(): string {
    for (;;) {
      const id = this.#newId();
      if (!this.#index.has(id)) return id;
    }
  }
}

const payloadOf = (request: InterviewRequest) => ({ guildId: request.guildId, requestId: request.id });

const ID_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

/** Eight characters from 40 random bits: short enough for custom ids, unique in practice. */
function shortId(): string {
  let bits = randomBytes(5).readUIntBE(0, 5);
  let id = "";
  for (let i = 0; i < 8; i++) {
    id = (ID_ALPHABET[bits % 32] ?? "") + id;
    bits = Math.floor(bits / 32);
  }
  return id;
}
