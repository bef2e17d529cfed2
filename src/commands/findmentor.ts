import { InteractionContextType, SlashCommandBuilder } from "discord.js";
import { requireGuild } from "../core/guild.js";
import { respond } from "../core/respond.js";
import type { Command } from "../core/types.js";
import { FORMAT_LABELS } from "../discord/mentors/card.js";
import { searchView } from "../discord/mentors/search-view.js";
import { sectorCardHandlers } from "../discord/sectors/card.js";
import { autocompleteLibraryType, LIBRARY_TYPE_OPTION } from "../discord/shared/library-type.js";
import { autocompleteRole, ROLE_OPTION } from "../discord/shared/role.js";
import { autocompleteTimeZone } from "../discord/shared/time-zone.js";
import { nearestTypeNote, resolveLibraryType } from "../domain/library-types.js";
import { MEETING_FORMATS } from "../domain/mentors/index.js";
import { resolveRole } from "../domain/roles.js";

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
    )
    .addStringOption((option) =>
      option
        .setName(ROLE_OPTION)
        .setDescription("Only librarians who do this kind of work, e.g. cataloging or instruction")
        .setAutocomplete(true),
    ),
  help: [
    {
      audience: "seekers",
      usage: "/findmentor library-type:<type> [format] [keyword] [timezone] [role]",
      summary:
        "up to 5 volunteer librarians of that type (and role, if given), and a button to ask one for an interview",
    },
  ],

  async execute(interaction, context) {
    const guildId = requireGuild(interaction, "`/findmentor`");
    const typed = interaction.options.getString(LIBRARY_TYPE_OPTION, true);
    const type = resolveLibraryType(typed);
    const roleInput = interaction.options.getString(ROLE_OPTION);
    const role = roleInput ? resolveRole(roleInput) : undefined;
    const result = context.services.mentors.search({
      guildId,
      seekerId: interaction.user.id,
      libraryType: type.slug,
      format: interaction.options.getString("format") ?? undefined,
      role: role?.slug,
      keyword: interaction.options.getString("keyword") ?? undefined,
      timeZone: interaction.options.getString("timezone") ?? undefined,
    });
    await respond(interaction, {
      ...searchView(result, type, { intro: nearestTypeNote(typed), role }),
      ephemeral: true,
    });
    // After the answer, so the seeker never waits on it.
    await context.services.stats.record(guildId, {
      type: "search",
      libraryType: type.slug,
      available: result.results.length > 0,
    });
  },

  async autocomplete(interaction) {
    const focused = interaction.options.getFocused(true).name;
    if (focused === "timezone") return autocompleteTimeZone(interaction);
    if (focused === ROLE_OPTION) return autocompleteRole(interaction);
    return autocompleteLibraryType(interaction);
  },

  // The Sector card button, on /findmentor's no-match answer and on /questions pages.
  components: sectorCardHandlers,
};

export default command;
