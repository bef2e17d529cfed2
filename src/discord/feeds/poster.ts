import { type Client, type MessageCreateOptions, roleMention } from "discord.js";
import { toMessage } from "../../core/respond.js";
import type { FeedItem, FeedRecord } from "../../domain/feeds/index.js";
import { feedItemEmbed } from "./embed.js";

/**
 * Posts one feed item to its channel. The nonce with `enforceNonce` makes Discord drop a repeat
 * of a post that a crash interrupted before the item was marked seen.
 */
export function createFeedPoster(client: Client) {
  return async (feed: FeedRecord, item: FeedItem, nonce: string): Promise<void> => {
    const channel = await client.channels.fetch(feed.channelId);
    if (!channel?.isSendable()) throw new Error(`channel ${feed.channelId} is gone or not a text channel`);
    const role = feed.mentionRoleId;
    const message = toMessage({
      content: role ? roleMention(role) : undefined,
      embeds: [feedItemEmbed(feed.title, item)],
      allowedMentions: { parse: [], roles: role ? [role] : [] },
    });
    await channel.send({ ...message, nonce, enforceNonce: true } as MessageCreateOptions);
  };
}
