import { SlashCommandBuilder } from "discord.js";
import { respond } from "../core/respond.js";
import type { Command } from "../core/types.js";
import { GUIDE, GUIDE_FIELD_ORDER } from "../data/guide.js";
import { BRAND_COLOR } from "../discord/shared/style.js";

const command: Command = {
  data: new SlashCommandBuilder()
    .setName("guide")
    .setDescription(
      "How informational interviews work: asking, preparing, the conversation and the thank-you",
    )
    .addBooleanOption((option) =>
      option
        .setName("share")
        .setDescription("Post the guide in the channel for everyone (default: only you)"),
    ),
  help: [
    {
      audience: "seekers",
      usage: "/guide [share]",
      summary:
        "what an informational interview is, the etiquette before, during and after, and a thank-you template",
    },
  ],

  readsServerData: false,
  async execute(interaction) {
    await respond(interaction, {
      ephemeral: !(interaction.options.getBoolean("share") ?? false),
      embeds: [
        {
          color: BRAND_COLOR,
          title: GUIDE.title,
          fields: GUIDE_FIELD_ORDER.map((key) => GUIDE[key]),
          footer: { text: "Ready to prepare? Try /questions, then /findmentor to find a librarian." },
        },
      ],
    });
  },
};

export default command;
