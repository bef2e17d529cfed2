import type { APIEmbed, AutocompleteInteraction } from "discord.js";
import { LIMITS, truncate } from "../../core/limits.js";
import {
  allGlossaryEntries,
  type GlossaryEntry,
  glossaryIndex,
  suggestGlossaryEntries,
} from "../../domain/glossary.js";
import { getLibraryType } from "../../domain/library-types.js";
import { BRAND_COLOR } from "../shared/style.js";

export const TERM_OPTION = "term";

export function glossaryEntryEmbed(entry: GlossaryEntry): APIEmbed {
  const types = entry.libraryTypes.map((slug) => getLibraryType(slug).name);
  const fields = [
    { name: "Where you'll hear it", value: types.join(", ") || "Every kind of library", inline: true },
    { name: "Roles", value: entry.roles.join(", "), inline: true },
  ];
  if (entry.aliases.length > 0)
    fields.push({ name: "Also found under", value: entry.aliases.join(", "), inline: false });
  return {
    color: BRAND_COLOR,
    title: entry.term,
    description: entry.definition,
    fields: fields.filter((field) => field.value),
    footer: { text: "More terms: /glossary · Ask a working librarian about it: /findmentor" },
  };
}

export function glossaryIndexEmbed(): APIEmbed {
  return {
    color: BRAND_COLOR,
    title: `Library job glossary: ${allGlossaryEntries().length} terms`,
    description:
      "Words you'll hear in informational interviews and read in job ads. " +
      "Type /glossary term: and start typing to pick one.",
    fields: glossaryIndex().map(({ name, terms }) => ({ name, value: terms.join(", ") })),
  };
}

/** Answers autocomplete for the term option: the closest terms, each with the start of its definition. */
export async function autocompleteGlossaryTerm(interaction: AutocompleteInteraction): Promise<void> {
  const typed = String(interaction.options.getFocused());
  const choices = suggestGlossaryEntries(typed, LIMITS.choices).map((entry) => ({
    name: truncate(`${entry.term}: ${entry.definition}`, LIMITS.choiceName),
    value: entry.term,
  }));
  await interaction.respond(choices);
}
