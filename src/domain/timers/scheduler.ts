import { randomBytes } from "node:crypto";
import type { Store } from "../../store/store.js";
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
}

/** setTimeout's largest delay; longer ones would fire at once. */
export const MAX_TIMEOUT_MS = 2 ** 31 - 1;
const PREFIX = "timer/";
const storeKey = (key: string): string => `${PREFIX}${key}`;

/** Timers that survive restarts: one store record per timer, armed with setTimeout while running. */
export class TimerScheduler {
  readonly #store: Store;
  readonly #logger: ErrorLogger;
  readonly #clock: () => number;
  readonly #retryBaseMs: number;
  readonly #retryMaxMs: number;
  readonly #armed = new Map<string, NodeJS.Timeout>();
  readonly #running = new Map<string, Promise<void>>();
  #handlers: Readonly<Record<string, TimerHandler>> | undefined;

  constructor(store: Store, options: SchedulerOptions) {
    this.#store = store;
    this.#logger = options.logger;
    this.#clock = options.clock ?? Date.now;
    this.#retryBaseMs = options.retryBaseMs ?? 30_000;
    this.#retryMaxMs = options.retryMaxMs ?? HOUR_MS;
  }

  /** Saves a timer, replacing any with the same key; it runs at `dueAt` (at once if that has passed). */
  async schedule<Payload>(key: string, dueAt: number, kind: string, payload: Payload): Promise<void> {
    const record: TimerRecord<Payload> = { key, kind, dueAt, payload, attempts: 0, version: newVersion() };
    await this.#store.set(storeKey(key), record);
    this.#arm(key, dueAt);
  }

  /** Like {@link schedule}, but keeps an existing timer with that key. True when it saved a new one. */
  async ensure<Payload>(key: string, dueAt: number, kind: string, payload: Payload): Promise<boolean> {
    let created = false;
    await this.#store.update<TimerRecord<Payload>>(storeKey(key), (current) => {
      created = current === undefined;
      return current ?? { key, kind, dueAt, payload, attempts: 0, version: newVersion() };
    });
    if (created) this.#arm(key, dueAt);
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

  /** Loads every saved timer: overdue ones run at once, the rest when due. */
  async start(handlers: Readonly<Record<string, TimerHandler>>): Promise<void> {
    if (this.#handlers) throw new Error("The timer scheduler is already running");
    this.#handlers = handlers;
    for await (const [key, record] of this.#store.entries<TimerRecord>(PREFIX)) {
      this.#arm(key.slice(PREFIX.length), dueTime(record));
    }
  }

  /** Stops arming timers and waits for the handlers that are running. Saved timers stay saved. */
  async stop(): Promise<void> {
    this.#handlers = undefined;
    for (const key of [...this.#armed.keys()]) this.#disarm(key);
    await Promise.allSettled([...this.#running.values()]);
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

  async #retryLater(record: TimerRecord, error: unknown): Promise<void> {
    const attempts = record.attempts + 1;
    const retryAt = this.#clock() + Math.min(this.#retryBaseMs * 2 ** (attempts - 1), this.#retryMaxMs);
    this.#logger.error(
      { err: error, timer: record.key, kind: record.kind, attempts },
      "timer handler failed; retrying later",
    );
    await this.#store.update<TimerRecord>(storeKey(record.key), (current) =>
      current?.version === record.version ? { ...current, attempts, retryAt } : current,
    );
    this.#arm(record.key, retryAt);
  }
}

const dueTime = (record: TimerRecord): number => record.retryAt ?? record.dueAt;

const newVersion = (): string => randomBytes(6).toString("hex");
