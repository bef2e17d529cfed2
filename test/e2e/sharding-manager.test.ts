import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DiscordEmulator, snowflakeOnShard } from "../../emulator/index.js";
import { runScript } from "../support/process.js";

let emulator: DiscordEmulator;
beforeAll(async () => {
  emulator = await DiscordEmulator.start({ shards: 2 });
  emulator.seedDefaultGuild("Shard zero library", snowflakeOnShard(0, 2));
  emulator.seedDefaultGuild("Shard one library", snowflakeOnShard(1, 2));
});
afterAll(async () => {
  await emulator?.stop();
});

describe("SHARD_COUNT under discord.js's ShardingManager", () => {
  it("refuses SHARDS without a numeric SHARD_COUNT before starting anything", async () => {
    const run = runScript("src/index.ts", { DISCORD_TOKEN: emulator.botToken, SHARDS: "1" });
    expect(await run.exited).toBe(1);
    expect(run.output()).toMatch(/SHARDS needs SHARD_COUNT set to a number/);
    expect(emulator.gatewayStats.identifies).toBe(0);
  });

  it("with auto, runs the count GET /gateway/bot recommends, one process per shard, and stops them all on SIGTERM", async () => {
    const run = runScript("src/index.ts", {
      DISCORD_TOKEN: emulator.botToken,
      DISCORD_API_URL: emulator.apiUrl,
      DATABASE_URL: "memory://",
      SHARD_COUNT: "auto",
    });
    try {
      await run.waitFor(/"shard":0,[^\n]*"msg":"ready"/, 30_000);
      await run.waitFor(/"shard":1,[^\n]*"msg":"ready"/, 30_000);
    } catch (error) {
      run.child.kill("SIGTERM");
      throw error;
    }
    expect(run.output()).toContain('"totalShards":2');
    const sessions = emulator.gatewaySessions.filter((session) => session.connected);
    expect(sessions.map((session) => session.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    // Each shard's process logged in with its own guild only.
    expect(run.output()).toMatch(/"shard":0,[^\n]*"guilds":1,[^\n]*"msg":"ready"/);
    expect(run.output()).toMatch(/"shard":1,[^\n]*"guilds":1,[^\n]*"msg":"ready"/);
    const pids = [...run.output().matchAll(/"shardPid":(\d+)/g)].map((match) => Number(match[1]));
    expect(new Set(pids).size).toBe(2);

    run.child.kill("SIGTERM");
    expect(await run.exited).toBe(0);
    for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow();
    expect(run.output().match(/"signal":"SIGTERM","msg":"shutting down"/g)).toHaveLength(3);
  }, 60_000);
});
