import { collectionPattern, guildKey, type Store } from "../../store/store.js";
import { UserError } from "../errors.js";
import { requestExpiryKey, requestFollowUpKey } from "../timers/kinds.js";
import type { ErrorLogger } from "../timers/scheduler.js";
import type { ExpiryStreaks } from "./expiry-streaks.js";
import { GONE } from "./messages.js";
import type { InterviewRequest } from "./request.js";
import { RequestIndex } from "./request-index.js";
import { type RequestEvent, transition } from "./state.js";

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
}

const REQUEST_COLLECTION = "request";
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

  constructor(options: RequestRecordsOptions) {
    this.#store = options.store;
    this.#streaks = options.streaks;
    this.#clock = options.clock;
    this.#timers = options.timers;
    this.#logger = options.logger;
  }

  /** Builds the index from the store. Call once at start-up. */
  async load(): Promise<void> {
    this.index.clear();
    const pattern = collectionPattern(REQUEST_COLLECTION);
    for await (const [, request] of this.#store.entries<InterviewRequest>(pattern)) this.index.put(request);
  }

  /**
   * Reads one request from the store into the index, for a process that does not serve its guild
   * (a DM button): another process keeps that guild's requests, and may have changed this one.
   */
  async reload(guildId: string, id: string): Promise<InterviewRequest | undefined> {
    const saved = await this.#store.get<InterviewRequest>(requestKey(guildId, id));
    if (saved) this.index.put(saved);
    else if (this.get(guildId, id)) this.index.remove(id);
    return saved;
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
  }

  /** Changes the stored request with `change` (which sees the latest record) and indexes the result. */
  async update(
    guildId: string,
    id: string,
    change: (current: InterviewRequest | undefined) => InterviewRequest | undefined,
  ): Promise<InterviewRequest | undefined> {
    this.require(guildId, id);
    const saved = await this.#store.update<InterviewRequest>(requestKey(guildId, id), change);
    if (saved) this.index.put(saved);
    return saved;
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
    this.cancelTimer(requestFollowUpKey(guildId, id));
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
    if (before.state === "accepted") this.cancelTimer(requestFollowUpKey(guildId, id));
    if (before.state === "pending" && (after.state === "accepted" || after.state === "declined")) {
      await this.#streaks.end(guildId, mentorId).catch((error: unknown) => {
        this.#logger?.error({ err: error, guildId, mentorId }, "could not reset the expiry count");
      });
    }
  }
}
