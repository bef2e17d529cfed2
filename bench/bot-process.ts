// One bot in its own process, so its memory is measured alone: `ping` (a bare discord.js bot) or
// `reference-desk` (ours). Tells the parent its RSS once ready, then serves until disconnected.
// The last argument is the store's URL for ours, and for the bare bot an answer to send instead of "Pong".

import { startPingBot } from "../emulator/bare-ping-bot.js";
import { emulatorClientOptions } from "../emulator/index.js";
import { createBot } from "../src/bot.js";
import { loadConfig } from "../src/config.js";
import { createLogger } from "../src/logger.js";

const [kind = "ping", apiUrl = "", token = "", last = ""] = process.argv.slice(2);

if (kind === "ping") {
  await startPingBot(
    { apiUrl, botToken: token },
    { registerCommands: false, answer: last ? JSON.parse(last) : undefined },
  );
} else {
  const config = loadConfig({
    DISCORD_TOKEN: token,
    DISCORD_API_URL: apiUrl,
    DATABASE_URL: last || "memory://",
  });
  const bot = await createBot({
    config,
    logger: createLogger("silent"),
    clientOptions: emulatorClientOptions({ apiUrl }),
  });
  await bot.start();
}
process.send?.({ ready: true, rssBytes: process.memoryUsage().rss });
process.on("disconnect", () => process.exit(0));
