import { type Client, DiscordAPIError, type MessageCreateOptions } from "discord.js";
import { type Reply, toMessage } from "../../core/respond.js";
import type { BotContext } from "../../core/types.js";

/**
 * Whether Discord may well take the same message later: its own errors (5xx), a rate limit, or the
 * network. Its 4xx answers (the channel is gone, no access) will not change by trying again.
 */
export const isPassingFailure = (error: unknown): boolean =>
  !(error instanceof DiscordAPIError) || error.status >= 500 || error.status === 429;

/**
 * Posts in a channel or thread by id. False (logged) when Discord refuses for good; a passing
 * failure is thrown, so work still owed stays owed and is tried again.
 */
export async function deliver(
  client: Client,
  context: BotContext,
  channelId: string,
  replies: Reply | Reply[],
): Promise<boolean> {
  try {
    // A guild this process's shards do not serve is not cached; its channels take posts all the same.
    const channel = await client.channels.fetch(channelId, { allowUnknownGuild: true });
    if (!channel?.isSendable()) {
      context.logger.warn({ channelId }, "could not post a notice: the channel is gone or not sendable");
      return false;
    }
    for (const reply of [replies].flat()) await channel.send(toMessage(reply) as MessageCreateOptions);
    return true;
  } catch (error) {
    if (isPassingFailure(error)) throw error;
    context.logger.warn({ err: error, channelId }, "could not post a notice");
    return false;
  }
}

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
    return await deliver(client, context, channelId, replies);
  } catch (error) {
    context.logger.warn({ err: error, channelId }, "could not post a notice");
    return false;
  }
}
