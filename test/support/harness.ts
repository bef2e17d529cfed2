import { Writable } from "node:stream";
import { type DefaultSeed, DiscordEmulator, emulatorClientOptions } from "../../emulator/index.js";
import { type Bot, createBot } from "../../src/bot.js";
import { loadConfig } from "../../src/config.js";
import { deployCommands } from "../../src/core/deploy.js";
import { loadCommands } from "../../src/core/loader.js";
import { createLogger } from "../../src/logger.js";
import { createStore, type Store } from "../../src/store/store.js";

export interface TestBot {
  emulator: DiscordEmulator;
  bot: Bot;
  seed: DefaultSeed;
  /** Every log line the bot wrote, parsed. */
  logs: Record<string, unknown>[];
  /** Stops the bot (and, unless kept, the emulator). */
  stop(options?: { keepEmulator?: boolean }): Promise<void>;
}

export interface TestBotOptions {
  emulator?: DiscordEmulator;
  env?: Record<string, string>;
  store?: Store;
  clock?: () => number;
}

/** The real bot, logged in to a fresh emulator with the default guild and its commands registered. */
export async function startTestBot(options: TestBotOptions = {}): Promise<TestBot> {
  const emulator = options.emulator ?? (await DiscordEmulator.start({ seed: true }));
  const seed = emulator.seed;
  if (!seed) throw new Error("the emulator needs the default seed");
  const config = loadConfig({
    DISCORD_TOKEN: emulator.botToken,
    DISCORD_API_URL: emulator.apiUrl,
    DATABASE_URL: "memory://",
    LOG_LEVEL: "info",
    FEED_ALLOW_PRIVATE_HOSTS: "true",
    ...options.env,
  });
  await deployCommands((await loadCommands()).values(), {
    token: emulator.botToken,
    clientId: emulator.applicationId,
    guildId: seed.guildId,
    apiUrl: emulator.apiUrl,
  });
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n")) if (line) logs.push(JSON.parse(line));
      done();
    },
  });
  const store =
    options.store ??
    (await createStore({ url: config.databaseUrl, onError: (error) => logs.push({ error }) }));
  const bot = await createBot({
    config,
    store,
    logger: createLogger(config.logLevel, sink),
    clientOptions: emulatorClientOptions(emulator),
    clock: options.clock,
  });
  await bot.start();
  return {
    emulator,
    bot,
    seed,
    logs,
    async stop({ keepEmulator = false } = {}) {
      await bot.stop();
      if (!keepEmulator) await emulator.stop();
    },
  };
}
