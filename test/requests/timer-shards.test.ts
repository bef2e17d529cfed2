import { afterEach, describe, expect, it } from "vitest";
import type { ShardSet } from "../../src/domain/shards.js";
import { type TimerRecord, TimerScheduler } from "../../src/domain/timers/scheduler.js";
import { createStore, type Store } from "../../src/store/store.js";
import { recordingLogger, sleep } from "./helpers.js";

/** Guild ids whose events go to shard 0 and shard 1 of 2. */
const GUILD_ON_0 = (1000n << 22n).toString();
const GUILD_ON_1 = (1001n << 22n).toString();
const KIND = "test-kind";

const running: TimerScheduler[] = [];
afterEach(async () => {
  for (const scheduler of running.splice(0)) await scheduler.stop();
});

/** One "process": a scheduler serving `shards`, whose handler records the keys it ran. */
async function shardProcess(store: Store, shards: ShardSet, start = true) {
  const runs: string[] = [];
  const scheduler = new TimerScheduler(store, { logger: recordingLogger(), handoffPollMs: 20 });
  running.push(scheduler);
  const begin = () => scheduler.start({ [KIND]: (timer) => void runs.push(timer.key) }, { shards });
  if (start) await begin();
  return { scheduler, runs, begin };
}

const shard = (id: number): ShardSet => ({ count: 2, ids: [id] });

async function eventually(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error("timed out waiting");
    await sleep(5);
  }
}

describe("timers with several shards", () => {
  it("runs a timer scheduled by a process that does not serve its guild once, in the one that does", async () => {
    const store = await createStore({ url: "memory://" });
    const zero = await shardProcess(store, shard(0));
    const one = await shardProcess(store, shard(1));
    await zero.scheduler.schedule("a", Date.now(), KIND, { guildId: GUILD_ON_1 });
    await zero.scheduler.schedule("b", Date.now() + 50, KIND, { guildId: GUILD_ON_0 });
    await eventually(() => one.runs.length === 1 && zero.runs.length === 1);
    await sleep(150);
    expect(one.runs).toEqual(["a"]);
    expect(zero.runs).toEqual(["b"]);
    expect(await store.get("timer/a")).toBeUndefined();
    expect(await store.get("timer-handoff/2/1/a")).toBeUndefined();
  });

  it("loses no timer when several processes hand timers over at once", async () => {
    const store = await createStore({ url: "memory://" });
    const senders = [await shardProcess(store, shard(0)), await shardProcess(store, shard(0))];
    const one = await shardProcess(store, shard(1));
    const keys = Array.from({ length: 30 }, (_, i) => `handed-${i}`);
    await Promise.all(
      keys.map((key, i) =>
        senders[i % 2]?.scheduler.schedule(key, Date.now() + (i % 3) * 20, KIND, { guildId: GUILD_ON_1 }),
      ),
    );
    await eventually(() => one.runs.length >= keys.length);
    await sleep(150);
    expect([...one.runs].sort()).toEqual([...keys].sort());
    expect(senders.flatMap((sender) => sender.runs)).toEqual([]);
  });

  it("at start, arms only the timers of the guilds its shards serve", async () => {
    const store = await createStore({ url: "memory://" });
    const setup = await shardProcess(store, shard(0), false);
    await setup.scheduler.schedule("due-on-1", Date.now() - 1000, KIND, { guildId: GUILD_ON_1 });
    await setup.scheduler.schedule("due-on-0", Date.now() - 1000, KIND, { guildId: GUILD_ON_0 });
    await setup.begin();
    await eventually(() => setup.runs.length === 1);
    await sleep(100);
    expect(setup.runs).toEqual(["due-on-0"]);
    expect(await store.get("timer/due-on-1")).toMatchObject({ key: "due-on-1" });

    const one = await shardProcess(store, shard(1));
    await eventually(() => one.runs.length === 1);
    expect(one.runs).toEqual(["due-on-1"]);
  });

  it("leaves a timer another process claimed until the claim runs out, then runs it once", async () => {
    const store = await createStore({ url: "memory://" });
    const claimUntil = Date.now() + 300;
    const record: TimerRecord = {
      key: "claimed",
      kind: KIND,
      dueAt: Date.now() - 1000,
      payload: { guildId: GUILD_ON_1 },
      attempts: 0,
      version: "v1",
      // A process of an earlier deployment with another shard count, still running it.
      claimedBy: "shards 0,1,2 of 3",
      claimUntil,
    };
    await store.set("timer/claimed", record);
    const one = await shardProcess(store, shard(1));
    await sleep(150);
    expect(one.runs).toEqual([]);
    await eventually(() => one.runs.length === 1);
    expect(Date.now()).toBeGreaterThanOrEqual(claimUntil);
    await sleep(100);
    expect(one.runs).toEqual(["claimed"]);
  });

  it("takes over at once a claim left by an earlier run of the same shards (it died mid-run)", async () => {
    const store = await createStore({ url: "memory://" });
    await store.set<TimerRecord>("timer/mine", {
      key: "mine",
      kind: KIND,
      dueAt: Date.now() - 1000,
      payload: { guildId: GUILD_ON_1 },
      attempts: 0,
      version: "v1",
      claimedBy: "shards 1 of 2",
      claimUntil: Date.now() + 60_000,
    });
    const one = await shardProcess(store, shard(1));
    await eventually(() => one.runs.length === 1);
    expect(one.runs).toEqual(["mine"]);
  });

  it("runs a due timer once when two processes both serve its guild (a change of shard count)", async () => {
    const store = await createStore({ url: "memory://" });
    const setup = new TimerScheduler(store, { logger: recordingLogger() });
    for (let i = 0; i < 20; i++) await setup.schedule(`t${i}`, Date.now(), KIND, { guildId: GUILD_ON_1 });
    const before = await shardProcess(store, { count: 1, ids: [0] });
    const after = await shardProcess(store, shard(1));
    await eventually(() => before.runs.length + after.runs.length >= 20);
    await sleep(200);
    expect([...before.runs, ...after.runs].sort()).toEqual(
      Array.from({ length: 20 }, (_, i) => `t${i}`).sort(),
    );
  });
});
