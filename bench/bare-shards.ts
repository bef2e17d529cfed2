// The bare discord.js bot under discord.js's ShardingManager, started the way src/launch/run-shards.ts
// starts ours (the same spawn options), and logging each shard's start in the same words.
import { fileURLToPath } from "node:url";
import { ShardingManager } from "discord.js";

const manager = new ShardingManager(fileURLToPath(new URL("./bare-shard.js", import.meta.url)), {
  totalShards: Number(process.env.SHARD_COUNT),
  token: process.env.DISCORD_TOKEN,
  execArgv: process.execArgv,
});
manager.on("shardCreate", (shard) => {
  shard.on("spawn", (child) => {
    const shardPid = "pid" in child ? child.pid : undefined;
    console.log(JSON.stringify({ time: Date.now(), shard: shard.id, shardPid, msg: "shard started" }));
  });
});
process.once("SIGTERM", () => {
  manager.respawn = false;
  for (const shard of manager.shards.values()) shard.kill();
  process.exit(0);
});
await manager.spawn({ timeout: -1 });
