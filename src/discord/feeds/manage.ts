import {
  type APIEmbedField,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  channelMention,
  MessageFlags,
  time,
} from "discord.js";
import { LIMITS, truncate } from "../../core/limits.js";
import { respond } from "../../core/respond.js";
import { safeText } from "../../core/safe-text.js";
import type { BotContext } from "../../core/types.js";
import { CAREER_FEEDS } from "../../data/career-feeds.js";
import { UserError } from "../../domain/errors.js";
import type { FeedRecord } from "../../domain/feeds/index.js";
import { plural } from "../../domain/plural.js";
import { botCanPing, requireBotCanPostEmbeds } from "../shared/permissions.js";
import { BRAND_COLOR } from "../shared/style.js";
import { feedItemEmbed } from "./embed.js";

const STATE_LABEL = { active: "🟢 active", paused: "⏸️ paused", disabled: "🔴 disabled" } as const;

/** /feeds add: checks the channel, follows the feed (fetched once now) and says what will be posted where. */
export async function addFeed(
  interaction: ChatInputCommandInteraction,
  context: BotContext,
  guildId: string,
): Promise<void> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const channel = interaction.options.getChannel("channel") ?? interaction.channel;
  if (!channel) throw new UserError("Pick a channel to post in with the `channel` option.");
  requireBotCanPostEmbeds(interaction.guild, channel);
  const keywords = (interaction.options.getString("keywords") ?? "").split(",");
  const role = interaction.options.getRole("mention");
  const result = await context.services.feeds.add({
    guildId,
    channelId: channel.id,
    url: interaction.options.getString("url", true),
    addedBy: interaction.user.id,
    mentionRoleId: role?.id,
    keywords,
    backfill: interaction.options.getBoolean("backfill") ?? false,
  });
  const { feed } = result;
  const filter = feed.keywords.length
    ? ` Only articles mentioning ${safeText(feed.keywords.join(", "))} will be posted.`
    : "";
  const start = result.backfilling
    ? "The newest article will be posted now, then new ones"
    : feed.backfill
      ? `No article in the feed ${feed.keywords.length ? "mentions your keywords" : "can be posted"} yet; new ones will be posted`
      : "New articles will be posted";
  const silentRole =
    role && botCanPing(interaction.guild, feed.channelId, role) === false
      ? `\n${safeText(role.name)} can't be mentioned by members and I lack Mention @everyone, @here and All ` +
        "Roles there, so posts will name the role without pinging it. Make the role mentionable, or give me that permission."
      : "";
  await respond(interaction, {
    content:
      `Now following **${safeText(truncate(result.title, 200))}** (${plural(result.itemCount, "article")} in the feed right now). ` +
      `${start} in ${channelMention(feed.channelId)}${role ? ` with a ping for ${safeText(role.name)}` : ""}.${filter}${silentRole}`,
  });
}

/** /feeds list: each feed's state, last success and last error. */
export async function listFeeds(
  interaction: ChatInputCommandInteraction,
  context: BotContext,
  guildId: string,
): Promise<void> {
  const all = await context.services.feeds.list(guildId);
  const shown = all.slice(0, LIMITS.embedFields);
  await respond(interaction, {
    ephemeral: true,
    embeds: [
      {
        color: BRAND_COLOR,
        title: `Article feeds (${all.length})`,
        description: all.length
          ? all.length > shown.length
            ? `Showing the first ${shown.length}.`
            : undefined
          : "No feeds yet. Add one with `/feeds add`; start typing in `url` for suggestions.",
        fields: shown.map(describeFeed),
      },
    ],
  });
}

/** /feeds preview: the three newest articles exactly as they would be posted, only to the moderator. */
export async function previewFeed(
  interaction: ChatInputCommandInteraction,
  context: BotContext,
): Promise<void> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const preview = await context.services.feeds.preview(interaction.options.getString("url", true));
  const newest = preview.items.slice(0, 3);
  const title = `**${safeText(truncate(preview.title || "this feed", 200))}**`;
  const which =
    newest.length === preview.items.length
      ? newest.length === 1
        ? `The only article in ${title}, as it would be posted:`
        : `All ${newest.length} articles in ${title}, as they would be posted:`
      : `The ${newest.length} newest of ${preview.items.length} articles in ${title}, as they would be posted:`;
  await respond(interaction, {
    content: newest.length ? which : "That feed is valid but has no articles yet.",
    embeds: newest.map((item) => feedItemEmbed(preview.title, item)),
  });
}

/** /feeds remove, pause and resume. */
export async function changeFeed(
  interaction: ChatInputCommandInteraction,
  context: BotContext,
  guildId: string,
  change: "remove" | "pause" | "resume",
): Promise<void> {
  const { feeds } = context.services;
  const feed = await findFeed(context, guildId, interaction.options.getString("feed", true));
  if (change === "remove") {
    await feeds.remove(guildId, feed.id);
    return respond(interaction, {
      ephemeral: true,
      content: `Stopped following **${safeText(feed.title)}**. Nothing more will be posted from it.`,
    });
  }
  if (change === "pause") {
    await feeds.pause(guildId, feed.id);
    return respond(interaction, {
      ephemeral: true,
      content: `Paused **${safeText(feed.title)}**. \`/feeds resume\` starts it again; nothing is missed meanwhile that the feed still lists.`,
    });
  }
  await feeds.resume(guildId, feed.id);
  return respond(interaction, {
    ephemeral: true,
    content: `Resumed **${safeText(feed.title)}**: I'll check it right away.`,
  });
}

/** Suggests career feeds for `url`, and this server's feeds for `feed`. */
export async function autocompleteFeeds(
  interaction: AutocompleteInteraction,
  context: BotContext,
): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const typed = focused.value.toLowerCase();
  if (focused.name === "url") {
    const matches = CAREER_FEEDS.filter((feed) => `${feed.name} ${feed.url}`.toLowerCase().includes(typed));
    return interaction.respond(
      matches.map((feed) => ({ name: truncate(feed.name, LIMITS.choiceName), value: feed.url })),
    );
  }
  if (!interaction.guildId) return interaction.respond([]);
  const feeds = await context.services.feeds.list(interaction.guildId);
  await interaction.respond(
    feeds
      .filter((feed) => `${feed.title} ${feed.url} ${feed.id}`.toLowerCase().includes(typed))
      .slice(0, LIMITS.choices)
      .map((feed) => ({
        name: truncate(`${feed.title} (${feed.state})`, LIMITS.choiceName),
        value: feed.id,
      })),
  );
}

function describeFeed(feed: FeedRecord): APIEmbedField {
  const lines = [
    `${STATE_LABEL[feed.state]} · id \`${feed.id}\` · in ${channelMention(feed.channelId)}`,
    feed.url,
    `Last success: ${feed.lastSuccessAt ? time(Math.floor(feed.lastSuccessAt / 1000), "R") : "never"} · posted ${feed.itemsPosted}`,
  ];
  if (feed.keywords.length) lines.push(`Keywords: ${safeText(feed.keywords.join(", "))}`);
  if (feed.lastError) {
    const when = feed.lastErrorAt ? ` (${time(Math.floor(feed.lastErrorAt / 1000), "R")})` : "";
    lines.push(
      `Last error${when}: ${feed.lastError}${feed.consecutiveFailures ? ` · ${feed.consecutiveFailures} in a row` : ""}`,
    );
  }
  return { name: truncate(feed.title, LIMITS.fieldName), value: lines.join("\n") };
}

async function findFeed(context: BotContext, guildId: string, feedId: string): Promise<FeedRecord> {
  const feed = await context.services.feeds.get(guildId, feedId);
  if (!feed) throw new UserError("This server follows no such feed. See `/feeds list`.");
  return feed;
}
