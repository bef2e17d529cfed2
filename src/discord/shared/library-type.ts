import type { AutocompleteInteraction } from "discord.js";
import { LIMITS, truncate } from "../../core/limits.js";
import { nearestTypeAlias, roleTypedAsType, suggestLibraryTypes } from "../../domain/library-types.js";

export const LIBRARY_TYPE_OPTION = "library-type";

interface Choice {
  name: string;
  value: string;
}

/** Answers autocomplete for any option that takes a library type. */
export async function autocompleteLibraryType(interaction: AutocompleteInteraction): Promise<void> {
  const typed = String(interaction.options.getFocused());
  const role = roleTypedAsType(typed);
  // A role is found in every type, so ranking the types against it would only mislead.
  const choices: Choice[] = suggestLibraryTypes(role ? "" : typed, LIMITS.choices).map((type) => ({
    name: truncate(`${type.name}: ${type.description}`, LIMITS.choiceName),
    value: type.slug,
  }));
  // "pris" first offers "Public library (nearest to prison)" with the word itself as the value, so
  // the command still knows what was meant and can say why it answers with public libraries.
  const nearest = nearestTypeAlias(typed);
  if (nearest) {
    const name = `${nearest.type.name} (nearest to ${nearest.alias.replaceAll("-", " ")})`;
    choices.unshift({ name: truncate(name, LIMITS.choiceName), value: nearest.alias });
  }
  // Picking it sends the role on, and the command answers with where the role fits.
  if (role) {
    const name = `${role} is a role in every kind of library: pick a library type below`;
    choices.unshift({ name: truncate(name, LIMITS.choiceName), value: typed.slice(0, LIMITS.choiceName) });
  }
  await interaction.respond(choices.slice(0, LIMITS.choices));
}
