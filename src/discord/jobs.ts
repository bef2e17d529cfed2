import type { Client } from "discord.js";
import type { BotContext } from "../core/types.js";
import { FeedPoller } from "../feeds/index.js";
import { createFeedPoster } from "./feed-poster.js";
import { tellModerators } from "./moderators.js";

export interface Jobs {
  stop(): Promise<void>;
}

/** Starts the background work that needs a ready client: feed polling. */
export function startJobs(client: Client<true>, context: BotContext): Jobs {
  const { logger, services } = context;
  const poller = new FeedPoller(services.feeds, {
    post: createFeedPoster(client),
    onFeedDisabled: (feed, reason) =>
      tellModerators(client, context, feed.guildId, feed.channelId, {
        content: `I stopped checking the feed **${feed.title}** (${feed.url}) after repeated failures: ${reason}. Fix it and run \`/feeds resume\`, or \`/feeds remove\` it.`,
      }),
    onPolled: (result) => {
      if (result.outcome === "failed")
        logger.warn({ feed: result.feed.url, error: result.error }, "feed poll failed");
    },
    onError: (error) => logger.error({ err: error }, "feed poller error"),
  });
  poller.start();
  return {
    async stop() {
      await poller.stop();
    },
  };
}
