import { type ChatInputCommandInteraction, InteractionContextType, SlashCommandBuilder } from "discord.js";
import type { BotContext, Command } from "../core/types.js";
import { formHandlers, startEdit, startJoin } from "../discord/mentors/form-flow.js";
import {
  confirmLeave,
  leaveListing,
  pauseListing,
  profileView,
  removeListing,
  resumeListing,
} from "../discord/mentors/listing.js";
import { MAX_PAUSE_DAYS } from "../domain/mentors/index.js";

const data = new SlashCommandBuilder()
  .setName("mentor")
  .setDescription("Volunteer librarians: your listing for informational interviews")
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((sub) =>
    sub.setName("join").setDescription("Volunteer to be asked for informational interviews"),
  )
  .addSubcommand((sub) => sub.setName("edit").setDescription("Change your librarian profile"))
  .addSubcommand((sub) =>
    sub
      .setName("pause")
      .setDescription("Stop appearing in searches for a while")
      .addIntegerOption((o) =>
        o
          .setName("days")
          .setDescription(`How many days (1-${MAX_PAUSE_DAYS}); leave empty to pause until you resume`)
          .setMinValue(1)
          .setMaxValue(MAX_PAUSE_DAYS),
      ),
  )
  .addSubcommand((sub) => sub.setName("resume").setDescription("Appear in searches again"))
  .addSubcommand((sub) =>
    sub
      .setName("profile")
      .setDescription("See a librarian's public profile (default: yours)")
      .addUserOption((o) => o.setName("user").setDescription("The librarian")),
  )
  .addSubcommand((sub) =>
    sub.setName("leave").setDescription("Stop volunteering and delete your librarian profile"),
  )
  .addSubcommand((sub) =>
    sub
      .setName("remove")
      .setDescription("Moderators: take a librarian off the list")
      .addUserOption((o) => o.setName("user").setDescription("The librarian").setRequired(true))
      .addStringOption((o) => o.setName("reason").setDescription("Told to them by DM").setMaxLength(300)),
  );

const subcommands: Record<
  string,
  (interaction: ChatInputCommandInteraction, context: BotContext) => Promise<void>
> = {
  join: startJoin,
  edit: startEdit,
  pause: pauseListing,
  resume: resumeListing,
  profile: profileView,
  leave: leaveListing,
  remove: removeListing,
};

const command: Command = {
  data,
  help: [
    {
      audience: "librarians",
      usage: "/mentor join",
      summary:
        "volunteer for informational interviews: a short form, a preview, your consent; " +
        "Availability adds your usual weekly hours (offered as times to pick), days away and topics to avoid",
    },
    { audience: "librarians", usage: "/mentor edit | profile", summary: "change or see your profile" },
    {
      audience: "librarians",
      usage: "/mentor pause [days] | resume",
      summary: "hide from searches for a while, then come back",
    },
    {
      audience: "librarians",
      usage: "/mentor leave",
      summary: "stop volunteering; your librarian data is deleted",
    },
    {
      audience: "seekers",
      usage: "/mentor profile user:<user>",
      summary: "a volunteer librarian's public profile",
    },
    {
      audience: "moderators",
      usage: "/mentor remove user:<user> [reason]",
      summary: "take a librarian off the list (they are told by DM)",
    },
  ],

  async execute(interaction, context) {
    const run = subcommands[interaction.options.getSubcommand()];
    if (!run) throw new Error(`No handler for /mentor ${interaction.options.getSubcommand()}`);
    await run(interaction, context);
  },

  components: { ...formHandlers, "mentor-leave": confirmLeave },
};

export default command;
