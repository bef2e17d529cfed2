import { Client, type ClientOptions, Events, GatewayIntentBits } from "discord.js";
import type { Config } from "./config.js";
import { loadCommands, loadEvents } from "./core/loader.js";
import type { BotContext } from "./core/types.js";
import { type Jobs, startJobs } from "./discord/jobs.js";
import { MEETING_EFFECTS } from "./discord/meetings/effects.js";
import { FOLLOW_THROUGH_EFFECTS } from "./discord/meetings/follow-through-effects.js";
import { REQUEST_EFFECTS } from "./discord/requests/effects.js";
import { EVERY_SHARD, type ShardSet } from "./domain/shards.js";
import { createLogger, type Logger } from "./logger.js";
import { createServices } from "./services.js";
import { createStore, type Store } from "./store/store.js";

export interface BotOptions {
  config: Config;
  logger?: Logger;
  /** Defaults to the store named by `config.databaseUrl`. */
  store?: Store;
  /** Merged over the defaults; tests point `rest.api` at the emulator and lift client-side throttles. */
  clientOptions?: Partial<ClientOptions>;
  /** The services' clock; tests move it forward instead of waiting. */
  clock?: () => number;
}

export interface Bot {
  client: Client;
  context: BotContext;
  /** Logs in and resolves once the gateway says READY. */
  start(): Promise<void>;
  /** Stops background work, disconnects and closes the store. Safe to call twice. */
  stop(): Promise<void>;
}

/** The shards this client's gateway connection serves, as discord.js settled them at login. */
function shardsOf(client: Client): ShardSet {
  const { shards, shardCount } = client.options;
  return Array.isArray(shards) && shardCount !== undefined && shardCount > 1
    ? { count: shardCount, ids: shards }
    : EVERY_SHARD;
}

export async function createBot(options: BotOptions): Promise<Bot> {
  const { config } = options;
  const logger = options.logger ?? createLogger(config.logLevel);
  const store =
    options.store ??
    (await createStore({
      url: config.databaseUrl,
      onError: (error) => logger.error({ err: error }, "store error"),
    }));
  const commands = await loadCommands();
  const services = await createServices(store, config, logger, options.clock);
  const client = new Client({
    // Slash commands, buttons and modals arrive without any intent; Guilds keeps channels and threads cached.
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [] },
    ...options.clientOptions,
    rest: { api: config.apiUrl, ...options.clientOptions?.rest },
  });
  const effects = { ...REQUEST_EFFECTS, ...MEETING_EFFECTS, ...FOLLOW_THROUGH_EFFECTS };
  const context: BotContext = {
    config,
    logger,
    store,
    services,
    commands,
    effects,
    shards: () => shardsOf(client),
  };

  for (const event of await loadEvents()) {
    const listener = async (...args: unknown[]) => {
      try {
        await (event.execute as (context: BotContext, ...rest: unknown[]) => unknown)(context, ...args);
      } catch (error) {
        logger.error({ err: error, event: event.name }, "event handler failed");
      }
    };
    if (event.once) client.once(event.name, listener);
    else client.on(event.name, listener);
  }

  let jobs: Jobs | undefined;
  client.once(Events.ClientReady, (ready) => {
    jobs = startJobs(ready, context);
  });

  let stopped = false;
  return {
    client,
    context,
    async start() {
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      await client.login(config.token);
      await ready;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await jobs?.stop();
      await client.destroy();
      await store.close();
    },
  };
}
