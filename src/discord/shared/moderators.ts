import type { Client } from "discord.js";
import type { Reply } from "../../core/respond.js";
import type { BotContext } from "../../core/types.js";
import { type TrailEvent, trailIncludes } from "../../domain/settings/index.js";
import { post } from "./post.js";

/**
 * Posts a notice for moderators in the guild's log channel, or in `fallbackChannelId` when no log
 * channel is set. Never throws; resolves to whether the notice was posted.
 */
export async function tellModerators(
  client: Client,
  context: BotContext,
  guildId: string,
  fallbackChannelId: string | undefined,
  reply: Reply,
): Promise<boolean> {
  const channelId = context.services.settings.get(guildId).logChannelId ?? fallbackChannelId;
  if (!channelId) {
    context.logger.warn({ guildId }, "no log channel to tell the moderators in");
    return false;
  }
  return post(client, context, channelId, reply);
}

/**
 * One line of the moderator's trail, posted in the log channel when the guild's `/config trail`
 * includes `event`. Nothing without a log channel. Never throws: the action it records stands
 * whether or not the line went out. Resolves to whether it was posted.
 */
export async function addToTrail(
  client: Client,
  context: BotContext,
  guildId: string,
  event: TrailEvent,
  reply: Reply,
): Promise<boolean> {
  const { logChannelId, trail } = context.services.settings.get(guildId);
  if (!logChannelId || !trailIncludes(trail, event)) return false;
  return post(client, context, logChannelId, reply);
}
