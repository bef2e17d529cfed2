import { type APIEmbed, escapeMarkdown } from "discord.js";
import { LIMITS, truncate } from "../../core/limits.js";
import type { FeedItem } from "../../domain/feeds/index.js";
import { BRAND_COLOR } from "../shared/style.js";

/** One article as it is posted: title linked, plain-text summary, author, date, feed name, thumbnail. */
export function feedItemEmbed(feedTitle: string, item: FeedItem): APIEmbed {
  return {
    color: BRAND_COLOR,
    title: truncate(escapeMarkdown(item.title || "(untitled)"), LIMITS.embedTitle),
    url: item.link,
    description: item.summaryText || undefined,
    author: item.author ? { name: truncate(item.author, LIMITS.author) } : undefined,
    timestamp: item.published?.toISOString(),
    footer: { text: truncate(feedTitle, 200) },
    thumbnail: item.imageUrl ? { url: item.imageUrl } : undefined,
  };
}
