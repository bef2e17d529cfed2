import {
  ChannelType,
  type Client,
  type Message,
  type MessageEditOptions,
  ThreadAutoArchiveDuration,
  type ThreadChannel,
} from "discord.js";
import { truncate } from "../../core/limits.js";
import { type Reply, sendDm, sendDmMessage, toMessage } from "../../core/respond.js";
import type { BotContext } from "../../core/types.js";

import { isPassingFailure } from "../shared/post.js";

export { deliver, post } from "../shared/post.js";

export const guildNameOf = (client: Client, guildId: string): string =>
  client.guilds.cache.get(guildId)?.name ?? "this server";

/**
 * A DM whose message we keep, to edit it later. Undefined when the user's DMs are closed; other
 * errors are thrown. Notices that need no edit use {@link notify}.
 */
export async function dmMessage(client: Client, userId: string, reply: Reply): Promise<Message | undefined> {
  return sendDmMessage(await client.users.fetch(userId), reply);
}

/**
 * A DM for notices sent outside any interaction (timers, owed effects, the other side of an action).
 * False (logged) when their DMs are closed or Discord refuses for good, which never undoes what was
 * saved; a passing failure (Discord's 5xx, the network) is thrown, so owed work stays owed.
 */
export async function notify(
  client: Client,
  context: BotContext,
  userId: string,
  replies: Reply | Reply[],
): Promise<boolean> {
  try {
    const user = await client.users.fetch(userId);
    for (const reply of [replies].flat()) {
      if (!(await sendDm(user, reply))) return false;
    }
    return true;
  } catch (error) {
    if (isPassingFailure(error)) throw error;
    context.logger.warn({ err: error, userId }, "could not DM a user about a request");
    return false;
  }
}

/**
 * A private thread in `channelId` with exactly `memberIds` (and the bot), nobody able to invite
 * others. Undefined, logged, when the channel is gone or the bot may not create threads there.
 */
export async function openPrivateThread(
  client: Client,
  context: BotContext,
  channelId: string,
  name: string,
  memberIds: readonly string[],
): Promise<ThreadChannel | undefined> {
  try {
    const channel = await client.channels.fetch(channelId);
    if (channel?.type !== ChannelType.GuildText)
      throw new Error(`channel ${channelId} is not a text channel`);
    const thread = await channel.threads.create({
      name: truncate(name.replace(/\s+/g, " "), 100),
      type: ChannelType.PrivateThread,
      invitable: false,
      autoArchiveDuration: ThreadAutoArchiveDuration.OneWeek,
    });
    for (const id of memberIds) await thread.members.add(id);
    return thread;
  } catch (error) {
    context.logger.warn({ err: error, channelId }, "could not open a private thread");
    return undefined;
  }
}

/** Edits a message the bot sent earlier, in a DM (by user id) or in a channel or thread. */
export async function editSent(
  client: Client,
  where: { userId: string } | { channelId: string },
  messageId: string,
  reply: Reply,
): Promise<void> {
  const channel =
    "userId" in where
      ? await client.users.createDM(where.userId)
      : await client.channels.fetch(where.channelId, { allowUnknownGuild: true });
  if (!channel?.isTextBased()) throw new Error("the message's channel is gone");
  await channel.messages.edit(messageId, toMessage(reply) as MessageEditOptions);
}
