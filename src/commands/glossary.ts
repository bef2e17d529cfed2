import { SlashCommandBuilder } from "discord.js";
import { respond } from "../core/respond.js";
import type { Command } from "../core/types.js";
import {
  autocompleteGlossaryTerm,
  glossaryEntryEmbed,
  glossaryIndexEmbed,
  TERM_OPTION,
} from "../discord/glossary/view.js";
import { resolveGlossaryTerm } from "../domain/glossary.js";

const command: Command = {
  data: new SlashCommandBuilder()
    .setName("glossary")
    .setDescription("Library job words explained: one-shot, liaison, MLIS, finding aid, 1410 and more")
    .addStringOption((option) =>
      option
        .setName(TERM_OPTION)
        .setDescription("The word or abbreviation, e.g. one-shot or FDLP (leave empty for the index)")
        .setAutocomplete(true),
    )
    .addBooleanOption((option) =>
      option
        .setName("share")
        .setDescription("Post the answer in the channel for everyone (default: only you)"),
    ),
  help: [
    {
      audience: "seekers",
      usage: "/glossary [term] [share]",
      summary: "library job words and abbreviations from interviews and job ads, explained plainly",
    },
  ],

  readsServerData: false,
  async execute(interaction) {
    const term = interaction.options.getString(TERM_OPTION);
    const embed = term ? glossaryEntryEmbed(resolveGlossaryTerm(term)) : glossaryIndexEmbed();
    await respond(interaction, {
      ephemeral: !(interaction.options.getBoolean("share") ?? false),
      embeds: [embed],
    });
  },

  autocomplete: autocompleteGlossaryTerm,
};

export default command;
