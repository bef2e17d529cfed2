import type { Client, MessageCreateOptions } from "discord.js";
import { type Reply, toMessage } from "../core/respond.js";
import type { BotContext } from "../core/types.js";

/** Posts a notice for moderators in `channelId` (the log channel when one is set). Never throws. */
export async function tellModerators(
  client: Client,
  context: BotContext,
  guildId: string,
  channelId: string,
  reply: Reply,
): Promise<void> {
  try {
    const channel = await client.channels.fetch(channelId);
    if (!channel?.isSendable()) throw new Error(`channel ${channelId} is not a text channel`);
    await channel.send(toMessage(reply) as MessageCreateOptions);
  } catch (error) {
    context.logger.warn({ err: error, guildId, channelId }, "could not tell the moderators");
  }
}
