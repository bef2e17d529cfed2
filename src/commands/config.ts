import {
  ChannelType,
  type ChatInputCommandInteraction,
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
} from "discord.js";
import { respond } from "../core/respond.js";
import type { Command } from "../core/types.js";
import { deliverWaiting } from "../discord/requests/delivery.js";
import { NUMBER_OPTIONS, settingsEmbed, TRAIL_CHOICES } from "../discord/settings/view.js";
import { requireManageServer } from "../discord/shared/permissions.js";
import { type GuildSettingsPatch, NUMERIC_SETTINGS, TRAIL_LEVELS } from "../domain/settings/index.js";

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
    .setName("trail")
    .setDescription("Which events get a line in the log channel")
    .addChoices(TRAIL_LEVELS.map((level) => ({ name: TRAIL_CHOICES[level], value: level }))),
);
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
  const trail = options.getString("trail");
  if (trail !== null) patch.trail = trail;
  return patch;
}

const command: Command = {
  data,
  help: [
    {
      audience: "moderators",
      usage:
        "/config [mentoring-channel] [log-channel] [max-pending] [cooldown-days] [auto-pause-after] [no-shows-before-pause] [trail] [clear]",
      summary:
        "the interview-request settings: channels, limits and what the log channel gets; with no options, shows them",
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
