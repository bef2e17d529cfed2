import {
  ChannelType,
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type SlashCommandStringOption,
} from "discord.js";
import type { Command } from "../core/types.js";
import { addFeed, autocompleteFeeds, changeFeed, listFeeds, previewFeed } from "../discord/feeds/manage.js";
import { requireManageServer } from "../discord/shared/permissions.js";

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
    const sub = interaction.options.getSubcommand();
    if (sub === "add") return addFeed(interaction, context, guildId);
    if (sub === "list") return listFeeds(interaction, context, guildId);
    if (sub === "preview") return previewFeed(interaction, context);
    if (sub === "remove" || sub === "pause" || sub === "resume")
      return changeFeed(interaction, context, guildId, sub);
    throw new Error(`No handler for /feeds ${sub}`);
  },

  autocomplete: autocompleteFeeds,
};

export default command;
