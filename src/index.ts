import dotenv from "dotenv";
import { createBot } from "./bot.js";
import { ConfigError, loadConfig } from "./config.js";
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
process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "unhandled promise rejection"));

const bot = await createBot({ config, logger });

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    logger.info({ signal }, "shutting down");
    bot
      .stop()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      });
  });
}

await bot.start();
