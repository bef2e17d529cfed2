import { guildKey, type Store } from "../../store/store.js";
import { UserError } from "../errors.js";
import { collectionOf } from "../guild-versions.js";
import type { StatsCounter } from "../stats/index.js";
import { meetingCloseKey, meetingNudgeKey, requestExpiryKey, requestFollowUpKey } from "../timers/kinds.js";
import type { ErrorLogger } from "../timers/scheduler.js";
import type { ExpiryStreaks } from "./expiry-streaks.js";
import { GONE } from "./messages.js";
import type { OwedWork } from "./owed-work.js";
import type { InterviewRequest } from "./request.js";
import { RequestIndex } from "./request-index.js";
import { type RequestEvent, transition } from "./state.js";
import { statsEventsOf } from "./stats-events.js";

/** The part of the timer scheduler the requests use. */
export interface RequestTimers {
  schedule(key: string, dueAt: number, kind: string, payload: unknown): Promise<void>;
  ensure(key: string, dueAt: number, kind: string, payload: unknown): Promise<boolean>;
  cancel(key: string): Promise<boolean>;
}

/** `changed` is false for a repeat (a double click): nothing new to announce. */
export interface ActionResult {
  request: InterviewRequest;
  changed: boolean;
}

interface RequestRecordsOptions {
  store: Store;
  streaks: ExpiryStreaks;
  clock: () => number;
  timers?: RequestTimers | undefined;
  logger?: ErrorLogger | undefined;
  /** The server's daily counts: requests sent, answers, meetings, ratings. */
  stats?: StatsCounter | undefined;
  /** Told of each guild with a request that owes effects, so a restart finds it. */
  owed?: OwedWork | undefined;
}

export const REQUEST_COLLECTION = "request";
const requestKey = (guildId: string, id: string): string => guildKey(guildId, REQUEST_COLLECTION, id);

/**
 * Every request, in the store and in the in-memory {@link RequestIndex} the other parts read. Each
 * change is one `store.update` of the request's key, so concurrent clicks are applied in turn.
 */
export class RequestRecords {
  readonly index = new RequestIndex();
  readonly #store: Store;
  readonly #streaks: ExpiryStreaks;
  readonly #clock: () => number;
  readonly #timers: RequestTimers | undefined;
  readonly #logger: ErrorLogger | undefined;
  readonly #stats: StatsCounter | undefined;
  readonly #owed: OwedWork | undefined;

  constructor(options: RequestRecordsOptions) {
    this.#owed = options.owed;
    this.#store = options.store;
    this.#streaks = options.streaks;
    this.#clock = options.clock;
    this.#timers = options.timers;
    this.#logger = options.logger;
    this.#stats = options.stats;
  }

  /** Indexes one guild's requests from the store, replacing what was indexed for it (every guild's without `guildId`). */
  async load(guildId?: string): Promise<void> {
    const requests: InterviewRequest[] = [];
    const pattern = collectionOf(REQUEST_COLLECTION, guildId);
    for await (const [, request] of this.#store.entries<InterviewRequest>(pattern)) requests.push(request);
    if (guildId === undefined) this.index.clear();
    else this.index.forget(guildId);
    for (const request of requests) this.index.put(request);
  }

  get(guildId: string, id: string): InterviewRequest | undefined {
    const request = this.index.get(id);
    return request?.guildId === guildId ? request : undefined;
  }

  require(guildId: string, id: string): InterviewRequest {
    const request = this.get(guildId, id);
    if (!request) throw new UserError(GONE);
    return request;
  }

  /** The request, if `actorId` is its librarian (for Block and Report buttons); else a {@link UserError}. */
  requireMentorOf(guildId: string, id: string, actorId: string): InterviewRequest {
    const request = this.require(guildId, id);
    if (request.mentorId !== actorId)
      throw new UserError("Only the librarian this request was sent to can do that.");
    return request;
  }

  /** Stores a new request; it should be in the index already, so concurrent limits count it. */
  async add(request: InterviewRequest): Promise<void> {
    await this.#store.update<InterviewRequest>(requestKey(request.guildId, request.id), () => request);
    // Again, in case the guild was reloaded in between, from a store that did not have it yet.
    this.index.put(request);
    await this.#stats?.record(request.guildId, { type: "sent" }, request.createdAt);
    await this.#markIfOwing(request);
  }

  /** Changes the stored request with `change` (which sees the latest record) and indexes the result. */
  async update(
    guildId: string,
    id: string,
    change: (current: InterviewRequest | undefined) => InterviewRequest | undefined,
  ): Promise<InterviewRequest | undefined> {
    this.require(guildId, id);
    let before: InterviewRequest | undefined;
    const saved = await this.#store.update<InterviewRequest>(requestKey(guildId, id), (current) => {
      before = current;
      return change(current);
    });
    if (saved) this.index.put(saved);
    // Counted here, where every saved change passes, whichever feature made it.
    if (before && saved && before !== saved) {
      for (const { event, at } of statsEventsOf(before, saved)) await this.#stats?.record(guildId, event, at);
    }
    if (saved) await this.#markIfOwing(saved);
    return saved;
  }

  /** Marked after the save: before it, nobody was told anything, so a crash in between breaks no promise. */
  async #markIfOwing(request: InterviewRequest): Promise<void> {
    if ((request.effects?.length ?? 0) > 0) await this.#owed?.mark(request.guildId);
  }

  /** Runs `event` through the state machine on the stored record; refusals become {@link UserError}s. */
  async apply(
    guildId: string,
    id: string,
    event: RequestEvent,
    onChange: (request: InterviewRequest) => InterviewRequest = (request) => request,
  ): Promise<ActionResult> {
    let before: InterviewRequest | undefined;
    let changed = false;
    const saved = await this.update(guildId, id, (current) => {
      if (!current) throw new UserError(GONE);
      const result = transition(current, event, this.#clock());
      if (result.outcome === "refused") throw new UserError(result.message);
      before = current;
      changed = result.outcome === "changed";
      return changed ? onChange(result.request) : current;
    });
    if (!saved || !before) throw new UserError(GONE);
    if (changed) await this.#afterChange(before, saved);
    return { request: saved, changed };
  }

  /** Deletes the request and its timers. */
  async delete(guildId: string, id: string): Promise<void> {
    await this.#store.delete(requestKey(guildId, id));
    this.index.remove(id);
    this.cancelTimer(requestExpiryKey(guildId, id));
    this.#cancelAcceptedTimers(guildId, id);
  }

  /** The timers that only matter while a request is accepted (reminders check the request themselves). */
  #cancelAcceptedTimers(guildId: string, id: string): void {
    this.cancelTimer(requestFollowUpKey(guildId, id));
    this.cancelTimer(meetingNudgeKey(guildId, id));
    this.cancelTimer(meetingCloseKey(guildId, id));
  }

  /** A stray timer only finds nothing to do, so failing to cancel one is logged, not thrown. */
  cancelTimer(key: string): void {
    this.#timers?.cancel(key).catch((error: unknown) => {
      this.#logger?.error({ err: error, timer: key }, "could not cancel a timer");
    });
  }

  async #afterChange(before: InterviewRequest, after: InterviewRequest): Promise<void> {
    const { guildId, id, mentorId } = after;
    if (before.state === "pending" && after.state !== "pending")
      this.cancelTimer(requestExpiryKey(guildId, id));
    if (before.state === "accepted") this.#cancelAcceptedTimers(guildId, id);
    if (before.state === "pending" && (after.state === "accepted" || after.state === "declined")) {
      await this.#streaks.end(guildId, mentorId).catch((error: unknown) => {
        this.#logger?.error({ err: error, guildId, mentorId }, "could not reset the expiry count");
      });
    }
  }
}
