import { SlashCommandBuilder } from "discord.js";
import { respond } from "../core/respond.js";
import type { Audience, Command } from "../core/types.js";
import { BRAND_COLOR } from "../discord/shared/style.js";

const SECTIONS: readonly { audience: Audience; title: string }[] = [
  { audience: "seekers", title: "For job-seekers" },
  { audience: "librarians", title: "For volunteer librarians" },
  { audience: "moderators", title: "For moderators (Manage Server)" },
];

const command: Command = {
  data: new SlashCommandBuilder()
    .setName("help")
    .setDescription("Every Reference Desk command, in one line each"),
  help: [{ audience: "seekers", usage: "/help", summary: "this list" }],

  readsServerData: false,
  async execute(interaction, context) {
    const entries = [...context.commands.values()].flatMap((each) => each.help);
    const fields = SECTIONS.map(({ audience, title }) => ({
      name: title,
      value: entries
        .filter((entry) => entry.audience === audience)
        .map((entry) => `\`${entry.usage}\`: ${entry.summary}`)
        .join("\n"),
    })).filter((field) => field.value);
    await respond(interaction, {
      ephemeral: true,
      embeds: [
        {
          color: BRAND_COLOR,
          title: "Reference Desk: how to use it",
          description:
            "Reference Desk helps you learn about library careers through informational interviews: " +
            "short, friendly conversations with working librarians.",
          fields,
        },
      ],
    });
  },
};

export default command;
