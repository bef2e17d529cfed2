import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { REST, type RESTGetAPIGatewayBotResult, Routes, type Shard, ShardingManager } from "discord.js";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";

/**
 * Runs this machine's shards (`SHARDS`, or all of `SHARD_COUNT`) each in a process of its own under
 * discord.js's ShardingManager, which starts a shard again if its process dies. SIGINT or SIGTERM
 * stops every shard cleanly, then this process exits 0.
 */
export async function runShards(config: Config, logger: Logger): Promise<void> {
  const totalShards = config.shardCount === "auto" ? await recommendedShards(config) : config.shardCount;
  // The shard entry next to this file: shard.ts under tsx, shard.js once built.
  const file = fileURLToPath(new URL(`../shard${import.meta.url.slice(-3)}`, import.meta.url));
  const manager = new ShardingManager(file, {
    totalShards,
    shardList: config.shards ?? "auto",
    token: config.token,
    // The flags this process runs with (tsx's loader, profiling), so a shard runs as this process does.
    execArgv: process.execArgv,
  });
  manager.on("shardCreate", (shard) => {
    shard.on("spawn", (child) =>
      logger.info({ shard: shard.id, shardPid: "pid" in child ? child.pid : undefined }, "shard started"),
    );
    shard.on("death", () => {
      if (manager.respawn) logger.warn({ shard: shard.id }, "shard process died; starting it again");
    });
  });

  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      logger.info({ signal }, "shutting down");
      manager.respawn = false;
      Promise.all(manager.shards.map(stopShard)).then(() => process.exit(0));
    });
  }
  logger.info({ totalShards, shards: config.shards ?? "all" }, "starting shards");
  // Each shard logs its own "ready"; shards are started 5.5 s apart, Discord's pace for IDENTIFY.
  await manager.spawn({ timeout: -1 });
}

async function recommendedShards(config: Config): Promise<number> {
  const rest = new REST({ api: config.apiUrl }).setToken(config.token ?? "");
  return ((await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult).shards;
}

/** Asks a shard's process to stop (SIGTERM) and waits until it has. */
async function stopShard(shard: Shard): Promise<void> {
  const child = shard.process;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  shard.kill();
  await exited;
}
