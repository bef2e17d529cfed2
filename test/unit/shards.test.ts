import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";
import { serves, shardOf } from "../../src/domain/shards.js";

const configError = (env: Record<string, string>): string => {
  try {
    loadConfig({ DISCORD_TOKEN: "x", ...env });
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error("expected a ConfigError");
};

describe("shard settings", () => {
  it("runs one process with no ShardingManager by default", () => {
    expect(loadConfig({})).toMatchObject({ shardCount: 1, shards: undefined });
  });

  it("takes auto or a number, and a list of this machine's shards", () => {
    expect(loadConfig({ SHARD_COUNT: "auto" }).shardCount).toBe("auto");
    expect(loadConfig({ SHARD_COUNT: "4", SHARDS: "3, 1,1" })).toMatchObject({
      shardCount: 4,
      shards: [1, 3],
    });
  });

  it("refuses a count that is not auto or a whole number of 1 or more", () => {
    for (const value of ["0", "two", "1.5", "-2"]) {
      expect(configError({ SHARD_COUNT: value })).toContain(
        `SHARD_COUNT must be auto or a whole number of shards (1 or more), got "${value}"`,
      );
    }
  });

  it("refuses SHARDS that are not a list of ids", () => {
    expect(configError({ SHARD_COUNT: "2", SHARDS: "0;1" })).toContain(
      'SHARDS must list shard ids separated by commas, such as 0,1, got "0;1"',
    );
  });

  it("needs a numeric SHARD_COUNT for SHARDS, and every id below it", () => {
    expect(configError({ SHARDS: "0" })).toMatch(/SHARDS needs SHARD_COUNT set to a number/);
    expect(configError({ SHARD_COUNT: "auto", SHARDS: "0" })).toMatch(
      /SHARDS needs SHARD_COUNT set to a number/,
    );
    expect(configError({ SHARD_COUNT: "2", SHARDS: "1,2,5" })).toContain(
      "SHARDS lists 2, 5, but with SHARD_COUNT=2 shard ids go from 0 to 1",
    );
  });
});

describe("shardOf", () => {
  it("routes a guild as Discord does, by the timestamp bits of its id", () => {
    // 41771983423143937 >> 22 = 9959216934; the low 22 bits (worker, process, increment) do not count.
    expect(shardOf("41771983423143937", 5)).toBe(4);
    expect(shardOf("41771983423143937", 1)).toBe(0);
    expect(shardOf(((123n << 22n) + 4_194_303n).toString(), 10)).toBe(3);
  });

  it("serves only the guilds of this process's shards, or every guild with one shard", () => {
    const onShard = (shard: number) => ((1_000n + BigInt(shard)) << 22n).toString();
    const one = { count: 4, ids: [1] };
    expect([0, 1, 2, 3].map((shard) => serves(one, onShard(shard)))).toEqual([false, true, false, false]);
    expect(serves({ count: 1, ids: [0] }, onShard(3))).toBe(true);
  });
});
