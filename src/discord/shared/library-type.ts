import type { AutocompleteInteraction } from "discord.js";
import { LIMITS, truncate } from "../../core/limits.js";
import { UserError } from "../../domain/errors.js";
import { findLibraryType, type LibraryType, suggestLibraryTypes } from "../../domain/library-types.js";

export const LIBRARY_TYPE_OPTION = "library-type";

/** The catalog entry for what someone typed or picked, or a UserError suggesting the closest types. */
export function resolveLibraryType(input: string): LibraryType {
  const type = findLibraryType(input);
  if (type) return type;
  const suggestions = suggestLibraryTypes(input, 3)
    .map((candidate) => `**${candidate.name}** (\`${candidate.slug}\`)`)
    .join(", ");
  throw new UserError(
    `I don't know the library type "${truncate(input, 50)}". Did you mean ${suggestions}? ` +
      "Start typing in the option and pick from the list.",
  );
}

/** Answers autocomplete for any option that takes a library type. */
export async function autocompleteLibraryType(interaction: AutocompleteInteraction): Promise<void> {
  const typed = String(interaction.options.getFocused());
  const choices = suggestLibraryTypes(typed, LIMITS.choices).map((type) => ({
    name: truncate(`${type.name}: ${type.description}`, LIMITS.choiceName),
    value: type.slug,
  }));
  await interaction.respond(choices);
}
