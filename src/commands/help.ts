import { SlashCommandBuilder } from "discord.js";
import { LIMITS, splitText } from "../core/limits.js";
import { respond } from "../core/respond.js";
import type { Audience, Command } from "../core/types.js";
import { meetingTimesText } from "../discord/meetings/durations.js";
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
    // A section longer than an embed field holds goes on in a second field rather than being cut.
    const fields = SECTIONS.flatMap(({ audience, title }) =>
      splitText(
        entries
          .filter((entry) => entry.audience === audience)
          .map((entry) => `\`${entry.usage}\`: ${entry.summary}`)
          .join("\n"),
        LIMITS.fieldValue,
      ).map((value, i) => ({ name: i === 0 ? title : `${title} (more)`, value })),
    );
    const times = meetingTimesText(context.config);
    fields.push({
      name: "After a librarian accepts",
      value:
        `Agree a time in your private thread. On this server ${times}. ` +
        "Each of you answers Yes, we met / They didn't come / We moved it; a yes brings the thank-you template " +
        "and a private rating, and repeated no-shows pause a librarian or stop a seeker sending requests.",
    });
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
