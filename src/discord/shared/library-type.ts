import type { AutocompleteInteraction } from "discord.js";
import { LIMITS, truncate } from "../../core/limits.js";
import { suggestLibraryTypes } from "../../domain/library-types.js";

export const LIBRARY_TYPE_OPTION = "library-type";

/** Answers autocomplete for any option that takes a library type. */
export async function autocompleteLibraryType(interaction: AutocompleteInteraction): Promise<void> {
  const typed = String(interaction.options.getFocused());
  const choices = suggestLibraryTypes(typed, LIMITS.choices).map((type) => ({
    name: truncate(`${type.name}: ${type.description}`, LIMITS.choiceName),
    value: type.slug,
  }));
  await interaction.respond(choices);
}
