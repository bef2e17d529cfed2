import type { Client, MessageCreateOptions } from "discord.js";
import { type Reply, toMessage } from "../../core/respond.js";
import type { BotContext } from "../../core/types.js";

/**
 * Posts in a channel or thread by id, for notices sent outside any interaction: a failure is
 * logged and answered with false, so it never undoes what was already saved.
 */
export async function post(
  client: Client,
  context: BotContext,
  channelId: string,
  replies: Reply | Reply[],
): Promise<boolean> {
  try {
    // A guild this process's shards do not serve is not cached; its channels take posts all the same.
    const channel = await client.channels.fetch(channelId, { allowUnknownGuild: true });
    if (!channel?.isSendable()) throw new Error(`channel ${channelId} is gone or not sendable`);
    for (const reply of [replies].flat()) await channel.send(toMessage(reply) as MessageCreateOptions);
    return true;
  } catch (error) {
    context.logger.warn({ err: error, channelId }, "could not post a notice");
    return false;
  }
}
