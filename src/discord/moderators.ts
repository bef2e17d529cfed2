import type { Client, MessageCreateOptions } from "discord.js";
import { type Reply, toMessage } from "../core/respond.js";
import type { BotContext } from "../core/types.js";

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
  try {
    const channel = await client.channels.fetch(channelId);
    if (!channel?.isSendable()) throw new Error(`channel ${channelId} is not a text channel`);
    await channel.send(toMessage(reply) as MessageCreateOptions);
    return true;
  } catch (error) {
    context.logger.warn({ err: error, guildId, channelId }, "could not tell the moderators");
    return false;
  }
}
