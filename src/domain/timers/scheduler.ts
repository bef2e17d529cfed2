import { randomBytes } from "node:crypto";
import type { Store } from "../../store/store.js";
import { EVERY_SHARD, type ShardSet, serves, shardOf } from "../shards.js";
import { HOUR_MS } from "../time.js";

/** One pending timer, stored under its own key. */
export interface TimerRecord<Payload = unknown> {
  readonly key: string;
  readonly kind: string;
  readonly dueAt: number;
  readonly payload: Payload;
  /** Failed runs so far. */
  readonly attempts: number;
  /** After a failure: when to try again. */
  readonly retryAt?: number;
  /** Changes on every `schedule`, so a finished run never deletes a timer scheduled again meanwhile. */
  readonly version: string;
  /** The process running it now (its shards), so no other process runs it too until `claimUntil`. */
  readonly claimedBy?: string;
  readonly claimUntil?: number;
}

/**
 * Runs one timer. The contract:
 * - A timer is deleted only after its handler resolved. If the process dies (even `kill -9`) while a
 *   handler runs, or before the deletion is saved, the handler runs again after the restart.
 * - So a handler must be idempotent: doing its work twice must have the effect of doing it once.
 *   Request handlers get that from the state machine: expiring a request that already moved on,
 *   or sending a follow-up that was already claimed, changes nothing.
 * - A handler that throws (or rejects) is logged and retried later with backoff; it never crashes
 *   the bot and the timer is never lost.
 */
export type TimerHandler = (timer: TimerRecord) => Promise<void> | void;

export interface ErrorLogger {
  error(obj: object, msg: string): void;
}

export interface SchedulerOptions {
  logger: ErrorLogger;
  clock?: () => number;
  /** First retry delay after a failure; doubles on each further failure. */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** How long a run's claim keeps other processes off a timer, should the process die mid-run. */
  claimMs?: number;
  /** How often a process looks for timers handed to its shards by other processes. */
  handoffPollMs?: number;
}

export interface StartOptions {
  /** The shards this process serves: it runs only the timers of their guilds. Defaults to all. */
  shards?: ShardSet;
}

/** setTimeout's largest delay; longer ones would fire at once. */
export const MAX_TIMEOUT_MS = 2 ** 31 - 1;
const PREFIX = "timer/";
const storeKey = (key: string): string => `${PREFIX}${key}`;
/**
 * A timer scheduled by a process that does not serve its guild is handed to the one that does: a
 * marker per timer under its shard's prefix, then a new token on the shard's bell. The serving
 * process reads the bell (one key) every poll and lists the markers only when the token changed.
 * Plain writes, no read-modify-write, so two processes handing over at once lose nothing.
 */
const handoffPrefix = (count: number, shard: number): string => `timer-handoff/${count}/${shard}/`;
const bellKey = (count: number, shard: number): string => `timer-handoff-bell/${count}/${shard}`;

/** The guild a timer belongs to (every kind's payload names it); undefined runs in any process. */
const guildOf = (record: TimerRecord): string | undefined => {
  const guildId = (record.payload as { guildId?: unknown } | undefined)?.guildId;
  return typeof guildId === "string" ? guildId : undefined;
};

/**
 * Timers that survive restarts: one store record per timer, armed with setTimeout while running.
 * With several shards, a process runs only the timers of the guilds it serves: one it schedules
 * for another shard's guild is handed over through a small per-shard queue in the store, and a
 * run claims its timer in the store first, so no two processes run it at once.
 */
export class TimerScheduler {
  readonly #store: Store;
  readonly #logger: ErrorLogger;
  readonly #clock: () => number;
  readonly #retryBaseMs: number;
  readonly #retryMaxMs: number;
  readonly #armed = new Map<string, NodeJS.Timeout>();
  readonly #running = new Map<string, Promise<void>>();
  readonly #claimMs: number;
  readonly #handoffPollMs: number;
  #handlers: Readonly<Record<string, TimerHandler>> | undefined;
  #shards: ShardSet = EVERY_SHARD;
  #handoffPoll: NodeJS.Timeout | undefined;
  /** The bell tokens last seen, by shard. */
  readonly #bells = new Map<number, string | undefined>();

  constructor(store: Store, options: SchedulerOptions) {
    this.#store = store;
    this.#logger = options.logger;
    this.#clock = options.clock ?? Date.now;
    this.#retryBaseMs = options.retryBaseMs ?? 30_000;
    this.#retryMaxMs = options.retryMaxMs ?? HOUR_MS;
    this.#claimMs = options.claimMs ?? 60_000;
    this.#handoffPollMs = options.handoffPollMs ?? 1_000;
  }

  /** Saves a timer, replacing any with the same key; it runs at `dueAt` (at once if that has passed). */
  async schedule<Payload>(key: string, dueAt: number, kind: string, payload: Payload): Promise<void> {
    const record: TimerRecord<Payload> = { key, kind, dueAt, payload, attempts: 0, version: newVersion() };
    await this.#store.set(storeKey(key), record);
    await this.#armOrHandOff(record);
  }

  /** Like {@link schedule}, but keeps an existing timer with that key. True when it saved a new one. */
  async ensure<Payload>(key: string, dueAt: number, kind: string, payload: Payload): Promise<boolean> {
    const record: TimerRecord<Payload> = { key, kind, dueAt, payload, attempts: 0, version: newVersion() };
    const stored = await this.#store.update<TimerRecord<Payload>>(
      storeKey(key),
      (current) => current ?? record,
    );
    const created = stored === record;
    if (created) await this.#armOrHandOff(record);
    return created;
  }

  /** Deletes a timer. A run already under way finishes, but the timer will not run again. */
  async cancel(key: string): Promise<boolean> {
    this.#disarm(key);
    return this.#store.delete(storeKey(key));
  }

  get(key: string): Promise<TimerRecord | undefined> {
    return this.#store.get<TimerRecord>(storeKey(key));
  }

  /**
   * Loads every saved timer of the guilds this process serves: overdue ones run at once, the rest
   * when due. With several shards it also keeps taking the timers other processes hand over.
   */
  async start(handlers: Readonly<Record<string, TimerHandler>>, options: StartOptions = {}): Promise<void> {
    if (this.#handlers) throw new Error("The timer scheduler is already running");
    this.#handlers = handlers;
    this.#shards = options.shards ?? EVERY_SHARD;
    for await (const [key, record] of this.#store.entries<TimerRecord>(PREFIX)) {
      if (this.#serves(record)) this.#arm(key.slice(PREFIX.length), dueTime(record));
    }
    if (this.#shards.count > 1) this.#pollHandoffs();
  }

  /** Stops arming timers and waits for the handlers that are running. Saved timers stay saved. */
  async stop(): Promise<void> {
    this.#handlers = undefined;
    clearTimeout(this.#handoffPoll);
    for (const key of [...this.#armed.keys()]) this.#disarm(key);
    await Promise.allSettled([...this.#running.values()]);
  }

  #serves(record: TimerRecord): boolean {
    const guildId = guildOf(record);
    return guildId === undefined || serves(this.#shards, guildId);
  }

  /** Arms a timer of a guild this process serves; queues any other for the process that does. */
  async #armOrHandOff(record: TimerRecord): Promise<void> {
    const guildId = guildOf(record);
    if (!this.#handlers) return;
    if (guildId === undefined || serves(this.#shards, guildId)) return this.#arm(record.key, record.dueAt);
    const { count } = this.#shards;
    const shard = shardOf(guildId, count);
    await this.#store.set(handoffPrefix(count, shard) + record.key, record.key);
    await this.#store.set(bellKey(count, shard), newVersion());
  }

  /** Every `handoffPollMs`: arms the timers handed to this process's shards since the last poll. */
  #pollHandoffs(): void {
    const { count, ids } = this.#shards;
    const poll = async () => {
      for (const shard of ids) {
        const bell = await this.#store.get<string>(bellKey(count, shard));
        if (this.#bells.has(shard) && this.#bells.get(shard) === bell) continue;
        this.#bells.set(shard, bell);
        for await (const [marker, key] of this.#store.entries<string>(handoffPrefix(count, shard))) {
          const record = await this.get(key);
          if (record) this.#arm(key, dueTime(record));
          await this.#store.delete(marker);
        }
      }
    };
    const next = () => {
      if (!this.#handlers) return;
      this.#handoffPoll = setTimeout(() => {
        poll()
          .catch((error: unknown) => this.#logger.error({ err: error }, "could not take handed-over timers"))
          .finally(next);
      }, this.#handoffPollMs);
      this.#handoffPoll.unref();
    };
    next();
  }

  #arm(key: string, at: number): void {
    if (!this.#handlers) return;
    this.#disarm(key);
    const delay = Math.max(0, at - this.#clock());
    const handle = setTimeout(
      () => {
        this.#armed.delete(key);
        // A delay longer than setTimeout allows is covered in steps.
        if (delay > MAX_TIMEOUT_MS) this.#arm(key, at);
        else void this.#check(key);
      },
      Math.min(delay, MAX_TIMEOUT_MS),
    );
    // Pending timers alone should not keep the process alive.
    handle.unref();
    this.#armed.set(key, handle);
  }

  #disarm(key: string): void {
    const handle = this.#armed.get(key);
    if (handle) clearTimeout(handle);
    this.#armed.delete(key);
  }

  /** Runs the saved timer `key` if it is due; never two runs of one key at a time. */
  async #check(key: string): Promise<void> {
    const running = this.#running.get(key);
    if (running) {
      await running;
      return this.#check(key);
    }
    const handlers = this.#handlers;
    if (!handlers) return;
    const run = this.#run(key, handlers).catch((error: unknown) => {
      this.#logger.error({ err: error, timer: key }, "timer bookkeeping failed; retrying later");
      this.#arm(key, this.#clock() + this.#retryBaseMs);
    });
    this.#running.set(key, run);
    try {
      await run;
    } finally {
      if (this.#running.get(key) === run) this.#running.delete(key);
    }
  }

  async #run(key: string, handlers: Readonly<Record<string, TimerHandler>>): Promise<void> {
    const record = await this.#store.get<TimerRecord>(storeKey(key));
    if (!record) return;
    const due = dueTime(record);
    // setTimeout may wake a little early, and the record may have been rescheduled meanwhile.
    if (due > this.#clock()) return this.#arm(key, due);
    const claim = await this.#claim(record);
    // Rescheduled or cancelled meanwhile: go by the saved timer, if any.
    if (claim === "changed") return this.#arm(key, this.#clock());
    // Another process runs it; if that process dies, the claim runs out and it is tried again.
    if (claim !== "mine") return this.#arm(key, claim);
    try {
      const handler = handlers[record.kind];
      if (!handler) throw new Error(`No handler for timer kind "${record.kind}"`);
      await handler(record);
    } catch (error) {
      return this.#retryLater(record, error);
    }
    await this.#store.update<TimerRecord>(storeKey(key), (current) =>
      current?.version === record.version ? undefined : current,
    );
  }

  /**
   * Marks the timer as this process's for `claimMs` unless another process holds an unexpired
   * claim on it (then resolves to when that claim ends). A claim left by an earlier run of this
   * same process (the same shards), which died, is taken over at once.
   */
  async #claim(record: TimerRecord): Promise<"mine" | "changed" | number> {
    const me = claimant(this.#shards);
    const now = this.#clock();
    let claim: "mine" | "changed" | number = "changed";
    await this.#store.update<TimerRecord>(storeKey(record.key), (current) => {
      if (current?.version !== record.version) return current;
      const { claimedBy, claimUntil = 0 } = current;
      if (claimedBy !== undefined && claimedBy !== me && claimUntil > now) {
        claim = claimUntil;
        return current;
      }
      claim = "mine";
      return { ...current, claimedBy: me, claimUntil: now + this.#claimMs };
    });
    return claim;
  }

  async #retryLater(record: TimerRecord, error: unknown): Promise<void> {
    const attempts = record.attempts + 1;
    const retryAt = this.#clock() + Math.min(this.#retryBaseMs * 2 ** (attempts - 1), this.#retryMaxMs);
    this.#logger.error(
      { err: error, timer: record.key, kind: record.kind, attempts },
      "timer handler failed; retrying later",
    );
    await this.#store.update<TimerRecord>(storeKey(record.key), (current) =>
      current?.version === record.version
        ? { ...current, attempts, retryAt, claimedBy: undefined, claimUntil: undefined }
        : current,
    );
    this.#arm(record.key, retryAt);
  }
}

const dueTime = (record: TimerRecord): number => record.retryAt ?? record.dueAt;

const claimant = (shards: ShardSet): string => `shards ${shards.ids.join(",")} of ${shards.count}`;

const newVersion = (): string => randomBytes(6).toString("hex");
