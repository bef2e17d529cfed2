import {
  type APIEmbed,
  ChannelType,
  type ChatInputCommandInteraction,
  channelMention,
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
} from "discord.js";
import ms from "ms";
import { respond } from "../core/respond.js";
import type { BotContext, Command } from "../core/types.js";
import { deliverWaiting } from "../discord/requests/delivery.js";
import { requireManageServer } from "../discord/shared/permissions.js";
import { safeText } from "../discord/shared/safe-text.js";
import { BRAND_COLOR } from "../discord/shared/style.js";
import { type GuildSettings, type GuildSettingsPatch, NUMERIC_SETTINGS } from "../domain/settings/index.js";

/** Option names, and the setting each integer option changes. */
const NUMBER_OPTIONS = {
  "max-pending": "maxPendingPerSeeker",
  "cooldown-days": "sameMentorCooldownDays",
  "auto-pause-after": "autoPauseAfterExpiries",
} as const;

const data = new SlashCommandBuilder()
  .setName("config")
  .setDescription("Set up interview requests on this server; with no options, shows the settings")
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .addChannelOption((o) =>
    o
      .setName("mentoring-channel")
      .setDescription("Where private threads open for accepted interviews")
      .addChannelTypes(ChannelType.GuildText),
  )
  .addChannelOption((o) =>
    o
      .setName("log-channel")
      .setDescription("Where moderators get reports and notices")
      .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement),
  );
for (const [name, field] of Object.entries(NUMBER_OPTIONS)) {
  const { label, min, max } = NUMERIC_SETTINGS[field];
  data.addIntegerOption((o) =>
    o.setName(name).setDescription(`${label} (${min}-${max})`).setMinValue(min).setMaxValue(max),
  );
}
data.addStringOption((o) =>
  o
    .setName("clear")
    .setDescription("Unset a channel")
    .addChoices({ name: "mentoring channel", value: "mentoring" }, { name: "log channel", value: "log" }),
);

function patchFrom(interaction: ChatInputCommandInteraction): GuildSettingsPatch {
  const { options } = interaction;
  const patch: GuildSettingsPatch = {};
  const clear = options.getString("clear");
  if (clear === "mentoring") patch.mentoringChannelId = null;
  if (clear === "log") patch.logChannelId = null;
  const mentoring = options.getChannel("mentoring-channel");
  if (mentoring) patch.mentoringChannelId = mentoring.id;
  const log = options.getChannel("log-channel");
  if (log) patch.logChannelId = log.id;
  for (const [name, field] of Object.entries(NUMBER_OPTIONS)) {
    const value = options.getInteger(name);
    if (value !== null) patch[field] = value;
  }
  return patch;
}

function settingsEmbed(settings: GuildSettings, context: BotContext, guildId: string): APIEmbed {
  const stats = context.services.requests.queries.stats(guildId);
  const counts = Object.entries(stats)
    .map(([state, count]) => `${state} ${count}`)
    .join(" · ");
  const { requestExpiryMs, followUpDelayMs, feedPollIntervalMs } = context.config;
  return {
    color: BRAND_COLOR,
    title: "Interview request settings",
    fields: [
      {
        name: "Mentoring channel",
        value: settings.mentoringChannelId
          ? `${channelMention(settings.mentoringChannelId)}: private threads for accepted interviews open here.`
          : "⚠️ Not set. Accepted interviews are connected by DM, and requests to librarians whose DMs are closed can't be delivered.",
      },
      {
        name: "Log channel",
        value: settings.logChannelId
          ? `${channelMention(settings.logChannelId)}: reports and notices go here.`
          : "⚠️ Not set. Librarians' reports have nowhere to go.",
      },
      ...Object.entries(NUMBER_OPTIONS).map(([name, field]) => ({
        name: NUMERIC_SETTINGS[field].label,
        value: `${settings[field]} (\`${name}\`)`,
        inline: true,
      })),
      {
        name: "Set by the bot's host",
        value: `Requests expire after ${ms(requestExpiryMs, { long: true })}; the follow-up comes ${ms(followUpDelayMs, { long: true })} after acceptance; feeds are checked every ${ms(feedPollIntervalMs, { long: true })}.`,
      },
      { name: "Requests so far", value: counts },
      { name: "Was it useful? (private ratings after interviews)", value: ratingsText(context, guildId) },
    ],
  };
}

function ratingsText(context: BotContext, guildId: string): string {
  const ratings = context.services.requests.queries.ratingsByMentor(guildId);
  if (ratings.length === 0) return "No ratings yet.";
  const lines = ratings.slice(0, 10).map(({ mentorId, count, average }) => {
    const name = context.services.mentors.get(guildId, mentorId)?.displayName ?? "a former volunteer";
    return `${safeText(name)}: ${average.toFixed(1)} / 5 (${count} rating${count === 1 ? "" : "s"})`;
  });
  if (ratings.length > 10) lines.push(`…and ${ratings.length - 10} more`);
  return lines.join("\n");
}

const command: Command = {
  data,
  help: [
    {
      audience: "moderators",
      usage:
        "/config [mentoring-channel] [log-channel] [max-pending] [cooldown-days] [auto-pause-after] [clear]",
      summary: "the interview-request settings: channels and limits; with no options, shows them",
    },
  ],

  async execute(interaction, context) {
    const guildId = requireManageServer(interaction, "change the interview-request settings");
    const patch = patchFrom(interaction);
    const { settings } = context.services;
    const changed = Object.keys(patch).length > 0;
    const current = changed ? await settings.update(guildId, patch) : settings.get(guildId);
    await respond(interaction, {
      ephemeral: true,
      content: changed ? "Saved." : undefined,
      embeds: [settingsEmbed(current, context, guildId)],
    });
    const delivered = patch.mentoringChannelId
      ? await deliverWaiting(interaction.client, context, guildId)
      : 0;
    if (delivered > 0) {
      await respond(interaction, {
        ephemeral: true,
        content: `Delivered ${delivered} waiting request${delivered === 1 ? "" : "s"} that could not reach ${delivered === 1 ? "its librarian" : "their librarians"} before.`,
      });
    }
  },
};

export default command;
