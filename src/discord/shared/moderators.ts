import type { Client } from "discord.js";
import type { Reply } from "../../core/respond.js";
import type { BotContext } from "../../core/types.js";
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
