import { InteractionContextType, MessageFlags, PermissionFlagsBits, SlashCommandBuilder } from "discord.js";
import { respond } from "../core/respond.js";
import type { Command } from "../core/types.js";
import { requireManageServer } from "../discord/shared/permissions.js";
import { statsReply } from "../discord/stats/view.js";
import { STATS_DAYS } from "../domain/stats/index.js";

const command: Command = {
  data: new SlashCommandBuilder()
    .setName("stats")
    .setDescription("How searches and interview requests went on this server, with a chart")
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .addIntegerOption((option) =>
      option
        .setName("days")
        .setDescription(`How many days back, today included (default ${STATS_DAYS.default})`)
        .setMinValue(STATS_DAYS.min)
        .setMaxValue(STATS_DAYS.max),
    ),
  help: [
    {
      audience: "moderators",
      usage: "/stats [days]",
      summary:
        "searches, unmet demand by library type, requests and how they went, times to answer and to meet, average rating, with a chart (default 30 days)",
    },
  ],

  async execute(interaction, context) {
    const guildId = requireManageServer(interaction, "see the server's statistics");
    const days = interaction.options.getInteger("days") ?? STATS_DAYS.default;
    // Drawing the chart (the first time, loading its library too) can take a moment.
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const summary = await context.services.stats.summary(guildId, days);
    await respond(interaction, { ...(await statsReply(summary, context.logger)), ephemeral: true });
  },
};

export default command;
