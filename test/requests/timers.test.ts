import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  MAX_TIMEOUT_MS,
  type TimerHandler,
  type TimerRecord,
  TimerScheduler,
} from "../../src/domain/timers/scheduler.js";
import { createStore, type Store } from "../../src/store/store.js";
import { describeEachBackend } from "../support/stores.js";
import { recordingLogger, sleep } from "./helpers.js";

/** The test's store: a second {@link boot} on it is the bot after a restart. */
let url: string;
const open: { store: Store; scheduler: TimerScheduler }[] = [];
/** Instances whose process "died": their stores are closed, their schedulers never stopped. */
const abandoned: Store[] = [];

afterEach(async () => {
  for (const { store, scheduler } of open.splice(0)) {
    await scheduler.stop();
    await store.close();
  }
  for (const store of abandoned.splice(0)) await store.close();
});

/** A scheduler on the test's store; a second call is the bot after a restart. */
async function boot(retryBaseMs = 20) {
  const store = await createStore({ url });
  const logger = recordingLogger();
  const scheduler = new TimerScheduler(store, { logger, retryBaseMs, retryMaxMs: 200 });
  open.push({ store, scheduler });
  return { store, scheduler, logger };
}

async function shutdown(instance: { store: Store; scheduler: TimerScheduler }): Promise<void> {
  open.splice(open.indexOf(instance), 1);
  await instance.scheduler.stop();
  await instance.store.close();
}

/** A handler that records each run's key and time. */
function recorder() {
  const runs: { key: string; at: number; payload: unknown }[] = [];
  const handler: TimerHandler = (timer) => {
    runs.push({ key: timer.key, at: Date.now(), payload: timer.payload });
  };
  return { runs, handler };
}

async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error("timed out waiting");
    await sleep(5);
  }
}

describeEachBackend("TimerScheduler", (backend) => {
  beforeEach(() => {
    url = backend.freshUrl();
  });

  it("runs overdue timers at start, with their payload, and deletes them", async () => {
    const { scheduler, store } = await boot();
    await scheduler.schedule("late", Date.now() - 60_000, "ping", { n: 1 });
    const { runs, handler } = recorder();
    const startedAt = Date.now();
    await scheduler.start({ ping: handler });
    await waitFor(() => runs.length === 1);
    expect(runs[0]).toMatchObject({ key: "late", payload: { n: 1 } });
    expect((runs[0]?.at ?? Infinity) - startedAt).toBeLessThan(250);
    await expect.poll(() => store.get("timer/late")).toBeUndefined();
  });

  it("runs a future timer when due, not before", async () => {
    const { scheduler } = await boot();
    const { runs, handler } = recorder();
    await scheduler.start({ ping: handler });
    const dueAt = Date.now() + 150;
    await scheduler.schedule("soon", dueAt, "ping", null);
    await sleep(100);
    expect(runs).toEqual([]);
    await waitFor(() => runs.length === 1);
    expect(runs[0]?.at).toBeGreaterThanOrEqual(dueAt);
    expect((runs[0]?.at ?? Infinity) - dueAt).toBeLessThan(250);
  });

  it("never runs a timer twice across a restart", async () => {
    const first = await boot();
    const a = recorder();
    await first.scheduler.start({ ping: a.handler });
    await first.scheduler.schedule("now", Date.now(), "ping", null);
    await first.scheduler.schedule("soon", Date.now() + 50, "ping", null);
    await first.scheduler.schedule("later", Date.now() + 300, "ping", null);
    await waitFor(() => a.runs.length === 2);
    await shutdown(first);

    const second = await boot();
    const b = recorder();
    await second.scheduler.start({ ping: b.handler });
    await waitFor(() => b.runs.length === 1);
    await sleep(150);
    expect(a.runs.map((run) => run.key).sort()).toEqual(["now", "soon"]);
    expect(b.runs.map((run) => run.key)).toEqual(["later"]);
  });

  it("loses no timer when the bot dies before it ran, or while its handler ran", async () => {
    const first = await boot();
    await first.scheduler.schedule("saved", Date.now() + 30, "ping", null);
    // The handler never finishes: the process "dies" with it under way, so nothing is deleted.
    let hung = 0;
    await first.scheduler.start({
      ping: () => {
        hung++;
        return new Promise<void>(() => undefined);
      },
    });
    await waitFor(() => hung === 1);
    open.splice(open.indexOf(first), 1);
    abandoned.push(first.store);

    const second = await boot();
    const { runs, handler } = recorder();
    await second.scheduler.start({ ping: handler });
    await waitFor(() => runs.length === 1);
    expect(runs[0]?.key).toBe("saved");
    await expect.poll(() => second.store.get("timer/saved")).toBeUndefined();
  });

  it("logs a failing handler and retries it with backoff until it succeeds", async () => {
    const { scheduler, store, logger } = await boot(20);
    const attempts: number[] = [];
    await scheduler.start({
      flaky: () => {
        attempts.push(Date.now());
        if (attempts.length < 3) throw new Error(`failure ${attempts.length}`);
      },
    });
    await scheduler.schedule("flaky", Date.now(), "flaky", null);
    await waitFor(() => attempts.length === 3);
    expect(logger.errors).toHaveLength(2);
    expect(logger.errors[1]).toMatchObject({
      msg: "timer handler failed; retrying later",
      obj: { timer: "flaky", kind: "flaky", attempts: 2 },
    });
    // 20 ms, then 40 ms.
    expect((attempts[2] ?? 0) - (attempts[1] ?? 0)).toBeGreaterThanOrEqual(35);
    await expect.poll(() => store.get("timer/flaky")).toBeUndefined();
  });

  it("keeps a failed timer's retry time across a restart", async () => {
    const first = await boot(150);
    await first.scheduler.start({ ping: () => Promise.reject(new Error("down")) });
    await first.scheduler.schedule("x", Date.now(), "ping", null);
    await waitFor(() => first.logger.errors.length === 1);
    await expect
      .poll(() => first.store.get<TimerRecord>("timer/x"))
      .toMatchObject({ attempts: 1, retryAt: expect.any(Number) });
    const saved = await first.store.get<TimerRecord>("timer/x");
    await shutdown(first);

    const second = await boot();
    const { runs, handler } = recorder();
    await second.scheduler.start({ ping: handler });
    await waitFor(() => runs.length === 1);
    expect(runs[0]?.at).toBeGreaterThanOrEqual(saved?.retryAt ?? Infinity);
  });

  it("retries a timer whose kind has no handler", async () => {
    const { scheduler, logger } = await boot();
    await scheduler.start({});
    await scheduler.schedule("orphan", Date.now(), "unknown-kind", null);
    await waitFor(() => logger.errors.length >= 2);
    expect(logger.errors[0]?.obj).toMatchObject({
      err: expect.objectContaining({ message: 'No handler for timer kind "unknown-kind"' }),
    });
  });

  it("does not run a cancelled timer", async () => {
    const { scheduler, store } = await boot();
    const { runs, handler } = recorder();
    await scheduler.start({ ping: handler });
    await scheduler.schedule("gone", Date.now() + 50, "ping", null);
    expect(await scheduler.cancel("gone")).toBe(true);
    await sleep(120);
    expect(runs).toEqual([]);
    expect(await store.get("timer/gone")).toBeUndefined();
  });

  it("replaces a timer scheduled again under the same key", async () => {
    const { scheduler } = await boot();
    const { runs, handler } = recorder();
    await scheduler.start({ ping: handler });
    await scheduler.schedule("k", Date.now() + 40, "ping", "first");
    await scheduler.schedule("k", Date.now() + 120, "ping", "second");
    await sleep(80);
    expect(runs).toEqual([]);
    await waitFor(() => runs.length === 1);
    await sleep(60);
    expect(runs.map((run) => run.payload)).toEqual(["second"]);
  });

  it("keeps a timer rescheduled by its own handler", async () => {
    const { scheduler } = await boot();
    const payloads: unknown[] = [];
    await scheduler.start({
      again: async (timer) => {
        payloads.push(timer.payload);
        if (timer.payload === 1) await scheduler.schedule("k", Date.now() + 30, "again", 2);
      },
    });
    await scheduler.schedule("k", Date.now(), "again", 1);
    await waitFor(() => payloads.length === 2);
    expect(payloads).toEqual([1, 2]);
  });

  it("ensure keeps an existing timer", async () => {
    const { scheduler } = await boot();
    expect(await scheduler.ensure("k", 1000, "ping", "first")).toBe(true);
    expect(await scheduler.ensure("k", 2000, "ping", "second")).toBe(false);
    expect(await scheduler.get("k")).toMatchObject({ dueAt: 1000, payload: "first" });
  });

  it("stop waits for running handlers and then runs nothing more", async () => {
    const { scheduler, store } = await boot();
    let finished = false;
    let runs = 0;
    await scheduler.start({
      slow: async () => {
        runs++;
        await sleep(100);
        finished = true;
      },
    });
    await scheduler.schedule("slow", Date.now(), "slow", null);
    await scheduler.schedule("later", Date.now() + 50, "slow", null);
    await waitFor(() => runs === 1);
    await scheduler.stop();
    expect(finished).toBe(true);
    await sleep(100);
    expect(runs).toBe(1);
    expect(await store.get("timer/slow")).toBeUndefined();
    expect(await store.get("timer/later")).toBeDefined();
  });
});

describe("TimerScheduler with long delays", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("caps a delay beyond setTimeout's limit and re-arms until due", async () => {
    vi.useFakeTimers({ now: 0 });
    const store = await createStore({ url: "memory://" });
    const scheduler = new TimerScheduler(store, { logger: recordingLogger() });
    const { runs, handler } = recorder();
    await scheduler.start({ ping: handler });
    const dueAt = MAX_TIMEOUT_MS * 2 + 5000;
    await scheduler.schedule("far", dueAt, "ping", null);
    await vi.advanceTimersByTimeAsync(MAX_TIMEOUT_MS + 1000);
    expect(runs).toEqual([]);
    await vi.advanceTimersByTimeAsync(MAX_TIMEOUT_MS);
    expect(runs).toEqual([]);
    await vi.advanceTimersByTimeAsync(4000);
    expect(runs.map((run) => run.at)).toEqual([dueAt]);
    await scheduler.stop();
    await store.close();
  });
});
