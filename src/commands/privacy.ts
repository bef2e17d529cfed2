import { ButtonStyle, ComponentType, InteractionContextType, SlashCommandBuilder } from "discord.js";
import { customId } from "../core/custom-ids.js";
import { requireGuild } from "../core/guild.js";
import { respond, sendDm, updateMessage } from "../core/respond.js";
import type { Command } from "../core/types.js";
import { blocksView, unblock } from "../discord/privacy/blocks.js";
import { deleteUserData, exportData } from "../discord/privacy/data.js";

export const EXPORT_FILE_NAME = "reference-desk-data.json";

/** Said whether or not anything was kept, so that it never tells someone they were blocked or reported. */
const KEPT_AFTER_DELETION_SHORT =
  "if a librarian blocked you, or you asked one recently, that block (until they lift it) or the wait " +
  "before asking them again (until it ends) stays; so does a moderator's stop on your requests, and " +
  "reports you made or that name you stay with the moderators without their reason. Each holds only a " +
  "one-way code of your account id.";

const data = new SlashCommandBuilder()
  .setName("privacy")
  .setDescription("See or delete what Reference Desk keeps about you on this server")
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((sub) =>
    sub.setName("export").setDescription("Get everything kept about you as a JSON file, by DM"),
  )
  .addSubcommand((sub) =>
    sub
      .setName("delete-my-data")
      .setDescription("Delete your librarian profile, your interview requests and your ratings"),
  )
  .addSubcommand((sub) =>
    sub.setName("blocks").setDescription("Librarians: see the seekers you blocked, and unblock them"),
  );

const command: Command = {
  data,
  help: [
    {
      audience: "seekers",
      usage: "/privacy export · /privacy delete-my-data",
      summary: "a copy of everything kept about you by DM, or delete it all",
    },
    {
      audience: "librarians",
      usage: "/privacy delete-my-data",
      summary: "leave the directory and delete your profile, requests and blocks",
    },
    { audience: "librarians", usage: "/privacy blocks", summary: "see whom you blocked, and unblock them" },
  ],

  async execute(interaction, context) {
    const guildId = requireGuild(interaction, "`/privacy`");
    const subcommand = interaction.options.getSubcommand();
    if (subcommand === "blocks")
      return respond(interaction, { ephemeral: true, ...blocksView(context, guildId, interaction.user.id) });
    if (subcommand === "export") {
      const json = JSON.stringify(await exportData(context, guildId, interaction.user.id), null, 2);
      const sent = await sendDm(interaction.user, {
        content: `Everything Reference Desk keeps about you on **${interaction.guild?.name ?? "this server"}**.`,
        files: [{ attachment: Buffer.from(json), name: EXPORT_FILE_NAME }],
      });
      return respond(interaction, {
        ephemeral: true,
        content: sent
          ? `Sent: \`${EXPORT_FILE_NAME}\` is in your DMs.`
          : "I couldn't DM you: your DMs are closed to me. Allow direct messages from server members " +
            "(Server menu → Privacy Settings) and run `/privacy export` again.",
      });
    }
    await respond(interaction, {
      ephemeral: true,
      content:
        "This deletes everything Reference Desk keeps about you on this server: your librarian profile and its " +
        "pause, any unfinished `/mentor` form, every interview request you sent or received, your blocks and " +
        "your ratings. Anyone with an open request with you is told it was withdrawn.\n" +
        `Kept to protect others: ${KEPT_AFTER_DELETION_SHORT}\n` +
        "It can't be undone. To keep your data, just dismiss this message.",
      components: [
        {
          type: ComponentType.ActionRow,
          components: [
            {
              type: ComponentType.Button,
              style: ButtonStyle.Danger,
              label: "Delete my data",
              custom_id: customId("privacy-delete"),
            },
          ],
        },
      ],
    });
  },

  components: {
    "privacy-unblock": unblock,
    // Whoever presses it deletes their own data, so the button needs no owner check.
    async "privacy-delete"(interaction, _args, context) {
      const guildId = requireGuild(interaction, "`/privacy`");
      await updateMessage(interaction, { content: "Deleting your data…", components: [] });
      const summary = await deleteUserData(interaction.client, context, guildId, interaction.user.id);
      const parts = [
        summary.profile ? "your librarian profile" : "",
        summary.form ? "your unfinished `/mentor` form" : "",
        `${summary.requests} interview request${summary.requests === 1 ? "" : "s"}`,
        `${summary.blocks} block${summary.blocks === 1 ? "" : "s"}`,
      ].filter(Boolean);
      const told = summary.told
        ? ` ${summary.told} person${summary.told === 1 ? " was" : "s were"} told their open request with you was withdrawn.`
        : "";
      await updateMessage(interaction, {
        content: `Done. I deleted ${parts.join(", ")}.${told} Kept to protect others: ${KEPT_AFTER_DELETION_SHORT}`,
        components: [],
      });
    },
  },
};

export default command;
