import { createBot } from "../bot.js";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";

/** Runs the bot in this process until SIGINT or SIGTERM, then stops it cleanly and exits 0. */
export async function runBot(config: Config, logger: Logger): Promise<void> {
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
}
