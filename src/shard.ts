import dotenv from "dotenv";
import { loadConfig } from "./config.js";
import { runBot } from "./launch/run-bot.js";
import { createLogger } from "./logger.js";

// One shard's process, started by the ShardingManager of src/index.ts, which sets SHARDS (this
// shard's id), SHARD_COUNT and DISCORD_TOKEN; discord.js's Client reads the first two itself.
dotenv.config({ quiet: true });
const config = loadConfig(process.env, ["DISCORD_TOKEN"]);
await runBot(config, createLogger(config.logLevel).child({ shard: config.shards?.[0] }));
