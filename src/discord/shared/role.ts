import type { AutocompleteInteraction } from "discord.js";
import { LIMITS, truncate } from "../../core/limits.js";
import { suggestRoles } from "../../domain/roles.js";

export const ROLE_OPTION = "role";

/** Answers autocomplete for any option that takes a role. */
export async function autocompleteRole(interaction: AutocompleteInteraction): Promise<void> {
  const typed = String(interaction.options.getFocused());
  const choices = suggestRoles(typed, LIMITS.choices).map((role) => ({
    name: truncate(`${role.name}: ${role.description}`, LIMITS.choiceName),
    value: role.slug,
  }));
  await interaction.respond(choices);
}
