import type { Client } from "discord.js";
import { safeText } from "../core/safe-text.js";
import type { BotContext } from "../core/types.js";
import { FeedPoller } from "../domain/feeds/index.js";
import { meetingTimerHandlers } from "../domain/meetings/follow-through-timers.js";
import { requestTimerHandlers } from "../domain/requests/index.js";
import { serves } from "../domain/shards.js";
import { TIMER_KINDS } from "../domain/timers/index.js";
import { createFeedPoster } from "./feeds/poster.js";
import { meetingCallbacks } from "./meetings/follow-through-jobs.js";
import { finishDeletions } from "./privacy/data.js";
import {
  onMentorRemoved,
  owedEffectsHandler,
  requestCallbacks,
  unpauseHandler,
} from "./requests/lifecycle.js";
import { finishOwedWork } from "./requests/owed.js";
import { tellModerators } from "./shared/moderators.js";
import { syncingFirst } from "./shared/sync.js";

export interface Jobs {
  stop(): Promise<void>;
}

/**
 * Starts the background work that needs a ready client: feed polling, the request timers (overdue
 * ones run at once, the rest when due, as saved before any restart), what requests still owe people
 * after a crash (accepted interviews also get any meeting timer they lack), and the clean-up of
 * requests when a librarian leaves the directory. With several
 * shards each process does this only for the guilds it serves (DMs included: what a request owes
 * its seeker or librarian is sent by the process serving the request's guild).
 */
export function startJobs(client: Client<true>, context: BotContext): Jobs {
  const { logger, services } = context;
  const poller = new FeedPoller(services.feeds, {
    post: createFeedPoster(client),
    onFeedDisabled: async (feed, reason) => {
      await services.syncGuild(feed.guildId);
      await tellModerators(client, context, feed.guildId, feed.channelId, {
        content: `I stopped checking the feed **${safeText(feed.title)}** (${feed.url}) after repeated failures: ${reason}. Fix it and run \`/feeds resume\`, or \`/feeds remove\` it.`,
      });
    },
    onPolled: (result) => {
      if (result.outcome === "failed")
        logger.warn({ feed: result.feed.url, error: result.error }, "feed poll failed");
    },
    onError: (error) => logger.error({ err: error }, "feed poller error"),
    servesGuild: (guildId) => serves(context.shards(), guildId),
  });
  poller.start();

  const stopListening = services.mentors.onRemoved(onMentorRemoved(client, context));
  const { followThrough } = services;
  const timersStarted = services.timers
    .start(
      syncingFirst(
        {
          ...requestTimerHandlers(services.requests.lifecycle, requestCallbacks(client, context), logger),
          ...meetingTimerHandlers(
            followThrough,
            services.requests.lifecycle,
            meetingCallbacks(client, context),
            logger,
          ),
          [TIMER_KINDS.mentorUnpause]: unpauseHandler(client, context),
          [TIMER_KINDS.requestEffects]: owedEffectsHandler(client, context),
        },
        context,
      ),
      { shards: context.shards() },
    )
    // Accepted interviews whose timers a stop cut short (or that predate them) get them now.
    .then(() => followThrough.reconcile(services.requests.queries.accepted()))
    .catch((error: unknown) => logger.error({ err: error }, "could not start the timers"));

  // What the bot told someone would happen before it last stopped, and had not finished.
  const owedDone = finishOwedWork(client, context)
    .then(() => finishDeletions(client, context))
    .catch((error: unknown) => logger.error({ err: error }, "could not carry out owed effects"));

  return {
    async stop() {
      stopListening();
      await Promise.all([timersStarted, owedDone]);
      await Promise.all([poller.stop(), services.timers.stop()]);
    },
  };
}
