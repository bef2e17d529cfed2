import dotenv from "dotenv";
import { ConfigError, loadConfig } from "./config.js";
import { runBot } from "./launch/run-bot.js";
import { runShards } from "./launch/run-shards.js";
import { createLogger } from "./logger.js";

dotenv.config({ quiet: true });

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig(process.env, ["DISCORD_TOKEN"]);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}

const logger = createLogger(config.logLevel);
// One shard (the default) is one process; more run under discord.js's ShardingManager.
if (config.shardCount === 1) await runBot(config, logger);
else await runShards(config, logger);
