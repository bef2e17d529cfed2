import {
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  ComponentType,
  InteractionContextType,
  SlashCommandBuilder,
} from "discord.js";
import { UserError } from "../core/errors.js";
import { type Reply, respond } from "../core/respond.js";
import type { Command } from "../core/types.js";
import type { LibraryType } from "../domain/library-types.js";
import { MEETING_FORMATS, type SearchResult } from "../domain/mentors/index.js";
import { autocompleteLibraryType, LIBRARY_TYPE_OPTION, resolveLibraryType } from "../ui/library-type.js";
import { askButton, FORMAT_LABELS, mentorCard } from "../ui/mentor-card.js";
import { autocompleteTimeZone } from "../ui/time-zone.js";

export interface FindMentorQuery {
  libraryType: string;
  format?: string;
  keyword?: string;
  timeZone?: string;
}

/** Runs a search for the seeker and renders the answer; the interview-request flow reuses it to offer others. */
export function renderSearch(result: SearchResult, type: LibraryType, intro?: string) {
  if (result.results.length === 0) {
    const nearby = (result.nearby ?? [])
      .filter((near) => near.count > 0)
      .map((near) => `${near.count} for **${near.name}**`)
      .join(", ");
    return {
      content: [
        intro,
        `No librarians for **${type.name}** can take a request right now${result.total ? " (the ones who match are busy this month or not available to you)" : ""}.`,
        nearby
          ? `Librarians who match in related types: ${nearby}. Try \`/findmentor\` with one of those.`
          : "",
        `Meanwhile, prepare with \`/questions ${type.slug}\` and \`/guide\`; new librarians join often.`,
      ]
        .filter(Boolean)
        .join("\n"),
    };
  }
  const embeds = result.results.map((ranked) => mentorCard(ranked.profile, { bioLength: 300 }));
  const row: APIActionRowComponent<APIComponentInMessageActionRow> = {
    type: ComponentType.ActionRow,
    components: result.results.map((ranked) => askButton(ranked.profile, type.slug)),
  };
  return {
    content: [
      intro,
      `**${result.results.length}** librarian${result.results.length === 1 ? "" : "s"} for **${type.name}** who agreed to informational interviews. ` +
        "Asking sends them your note; they decide, and nothing is shared until they accept.",
    ]
      .filter(Boolean)
      .join("\n"),
    embeds,
    components: [row],
  };
}

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
    if (!interaction.inGuild()) throw new UserError("`/findmentor` works inside a server.");
    const type = resolveLibraryType(interaction.options.getString(LIBRARY_TYPE_OPTION, true));
    const result = context.services.mentors.search({
      guildId: interaction.guildId,
      seekerId: interaction.user.id,
      libraryType: type.slug,
      format: interaction.options.getString("format") ?? undefined,
      keyword: interaction.options.getString("keyword") ?? undefined,
      timeZone: interaction.options.getString("timezone") ?? undefined,
    });
    const answer: Reply = renderSearch(result, type);
    answer.ephemeral = true;
    await respond(interaction, answer);
  },

  async autocomplete(interaction) {
    if (interaction.options.getFocused(true).name === "timezone") return autocompleteTimeZone(interaction);
    return autocompleteLibraryType(interaction);
  },
};

export default command;
