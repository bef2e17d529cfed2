import { InteractionContextType, SlashCommandBuilder } from "discord.js";
import { requireGuild } from "../core/guild.js";
import { respond } from "../core/respond.js";
import type { Command } from "../core/types.js";
import { FORMAT_LABELS } from "../discord/mentors/card.js";
import { searchView } from "../discord/mentors/search-view.js";
import { autocompleteLibraryType, LIBRARY_TYPE_OPTION } from "../discord/shared/library-type.js";
import { autocompleteTimeZone } from "../discord/shared/time-zone.js";
import { nearestTypeNote, resolveLibraryType } from "../domain/library-types.js";
import { MEETING_FORMATS } from "../domain/mentors/index.js";

const command: Command = {
  data: new SlashCommandBuilder()
    .setName("findmentor")
    .setDescription("Find volunteer librarians who agreed to an informational interview")
    .setContexts(InteractionContextType.Guild)
    .addStringOption((option) =>
      option
        .setName(LIBRARY_TYPE_OPTION)
        .setDescription("The kind of library you want to learn about")
        .setRequired(true)
        .setAutocomplete(true),
    )
    .addStringOption((option) =>
      option
        .setName("format")
        .setDescription("How you would like to talk")
        .addChoices(...MEETING_FORMATS.map((format) => ({ name: FORMAT_LABELS[format], value: format }))),
    )
    .addStringOption((option) =>
      option
        .setName("keyword")
        .setDescription("A topic or word to look for, e.g. cataloging or youth services")
        .setMaxLength(100),
    )
    .addStringOption((option) =>
      option
        .setName("timezone")
        .setDescription("Your time zone, to favour librarians near it (e.g. America/Chicago)")
        .setAutocomplete(true)
        .setMaxLength(60),
    ),
  help: [
    {
      audience: "seekers",
      usage: "/findmentor library-type:<type> [format] [keyword] [timezone]",
      summary: "up to 5 volunteer librarians of that type, and a button to ask one for an interview",
    },
  ],

  async execute(interaction, context) {
    const guildId = requireGuild(interaction, "`/findmentor`");
    const typed = interaction.options.getString(LIBRARY_TYPE_OPTION, true);
    const type = resolveLibraryType(typed);
    const result = context.services.mentors.search({
      guildId,
      seekerId: interaction.user.id,
      libraryType: type.slug,
      format: interaction.options.getString("format") ?? undefined,
      keyword: interaction.options.getString("keyword") ?? undefined,
      timeZone: interaction.options.getString("timezone") ?? undefined,
    });
    await respond(interaction, { ...searchView(result, type, nearestTypeNote(typed)), ephemeral: true });
  },

  async autocomplete(interaction) {
    if (interaction.options.getFocused(true).name === "timezone") return autocompleteTimeZone(interaction);
    return autocompleteLibraryType(interaction);
  },
};

export default command;
