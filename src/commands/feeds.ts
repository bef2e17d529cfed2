import {
  type APIEmbedField,
  ChannelType,
  type ChatInputCommandInteraction,
  channelMention,
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type SlashCommandStringOption,
  time,
} from "discord.js";
import { LIMITS, truncate } from "../core/limits.js";
import { respond } from "../core/respond.js";
import type { BotContext, Command } from "../core/types.js";
import { CAREER_FEEDS } from "../data/career-feeds.js";
import { feedItemEmbed } from "../discord/feeds/embed.js";
import { botCanPing, requireBotCanPostEmbeds, requireManageServer } from "../discord/shared/permissions.js";
import { safeText } from "../discord/shared/safe-text.js";
import { BRAND_COLOR } from "../discord/shared/style.js";
import { UserError } from "../domain/errors.js";
import type { FeedRecord } from "../domain/feeds/index.js";

const STATE_LABEL = { active: "🟢 active", paused: "⏸️ paused", disabled: "🔴 disabled" } as const;

const feedOption = (name: string) => (option: SlashCommandStringOption) =>
  option.setName("feed").setDescription(`The feed to ${name}`).setRequired(true).setAutocomplete(true);

const urlOption = (option: SlashCommandStringOption) =>
  option
    .setName("url")
    .setDescription("The feed's address")
    .setRequired(true)
    .setAutocomplete(true)
    .setMaxLength(500);

const data = new SlashCommandBuilder()
  .setName("feeds")
  .setDescription("Post new career articles from RSS or Atom feeds to a channel")
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((sub) =>
    sub
      .setName("add")
      .setDescription("Follow a feed: new articles are posted as they appear")
      .addStringOption(urlOption)
      .addChannelOption((o) =>
        o
          .setName("channel")
          .setDescription("Where to post (default: this channel)")
          .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement),
      )
      .addRoleOption((o) => o.setName("mention").setDescription("A role to ping with each new article"))
      .addStringOption((o) =>
        o
          .setName("keywords")
          .setDescription("Only post articles mentioning one of these, comma-separated")
          .setMaxLength(300),
      )
      .addBooleanOption((o) =>
        o
          .setName("backfill")
          .setDescription("Also post the newest existing article now (default: only new ones)"),
      ),
  )
  .addSubcommand((sub) =>
    sub.setName("list").setDescription("The feeds this server follows, with their health"),
  )
  .addSubcommand((sub) =>
    sub.setName("remove").setDescription("Stop following a feed").addStringOption(feedOption("remove")),
  )
  .addSubcommand((sub) =>
    sub
      .setName("pause")
      .setDescription("Stop posting from a feed for now")
      .addStringOption(feedOption("pause")),
  )
  .addSubcommand((sub) =>
    sub
      .setName("resume")
      .setDescription("Post from a paused or disabled feed again")
      .addStringOption(feedOption("resume")),
  )
  .addSubcommand((sub) =>
    sub
      .setName("preview")
      .setDescription("See the 3 newest articles exactly as they would be posted (only you see it)")
      .addStringOption(urlOption),
  );

async function add(interaction: ChatInputCommandInteraction, context: BotContext, guildId: string) {
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
    ? ` Only articles mentioning ${feed.keywords.join(", ")} will be posted.`
    : "";
  const start = feed.backfill
    ? "The newest article will be posted now, then new ones"
    : "New articles will be posted";
  const silentRole =
    role && botCanPing(interaction.guild, feed.channelId, role) === false
      ? `\n${safeText(role.name)} can't be mentioned by members and I lack Mention @everyone, @here and All ` +
        "Roles there, so posts will name the role without pinging it. Make the role mentionable, or give me that permission."
      : "";
  await respond(interaction, {
    content:
      `Now following **${safeText(truncate(result.title, 200))}** (${result.itemCount} articles in the feed right now). ` +
      `${start} in ${channelMention(feed.channelId)}${role ? ` with a ping for ${safeText(role.name)}` : ""}.${filter}${silentRole}`,
  });
}

function describeFeed(feed: FeedRecord): APIEmbedField {
  const lines = [
    `${STATE_LABEL[feed.state]} · id \`${feed.id}\` · in ${channelMention(feed.channelId)}`,
    feed.url,
    `Last success: ${feed.lastSuccessAt ? time(Math.floor(feed.lastSuccessAt / 1000), "R") : "never"} · posted ${feed.itemsPosted}`,
  ];
  if (feed.keywords.length) lines.push(`Keywords: ${feed.keywords.join(", ")}`);
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

const command: Command = {
  data,
  help: [
    {
      audience: "moderators",
      usage: "/feeds add url:<url> [channel] [mention] [keywords] [backfill]",
      summary: "post new articles from a career feed",
    },
    {
      audience: "moderators",
      usage: "/feeds list | remove | pause | resume",
      summary: "see each feed's health, or stop and restart one",
    },
    {
      audience: "moderators",
      usage: "/feeds preview url:<url>",
      summary: "the 3 newest articles as they would be posted",
    },
  ],

  async execute(interaction, context) {
    const guildId = requireManageServer(interaction, "manage article feeds");
    const { feeds } = context.services;
    const sub = interaction.options.getSubcommand();
    if (sub === "add") return add(interaction, context, guildId);
    if (sub === "list") {
      const all = await feeds.list(guildId);
      const shown = all.slice(0, LIMITS.embedFields);
      return respond(interaction, {
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
    if (sub === "preview") {
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      const preview = await feeds.preview(interaction.options.getString("url", true));
      const newest = preview.items.slice(0, 3);
      return respond(interaction, {
        content: newest.length
          ? `The ${newest.length} newest of ${preview.items.length} articles in **${safeText(truncate(preview.title || "this feed", 200))}**, as they would be posted:`
          : "That feed is valid but has no articles yet.",
        embeds: newest.map((item) => feedItemEmbed(preview.title, item)),
      });
    }
    const feed = await findFeed(context, guildId, interaction.options.getString("feed", true));
    if (sub === "remove") {
      await feeds.remove(guildId, feed.id);
      return respond(interaction, {
        ephemeral: true,
        content: `Stopped following **${safeText(feed.title)}**. Nothing more will be posted from it.`,
      });
    }
    if (sub === "pause") {
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
  },

  async autocomplete(interaction, context) {
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
  },
};

export default command;
