import type { AutocompleteInteraction } from "discord.js";
import { LIMITS, truncate } from "../../core/limits.js";
import { suggestStages } from "../../domain/stages.js";

export const STAGE_OPTION = "stage";

/** Answers autocomplete for any option that takes a career stage. */
export async function autocompleteStage(interaction: AutocompleteInteraction): Promise<void> {
  const typed = String(interaction.options.getFocused());
  const choices = suggestStages(typed, LIMITS.choices).map((stage) => ({
    name: truncate(`${stage.name}: ${stage.description}`, LIMITS.choiceName),
    value: stage.slug,
  }));
  await interaction.respond(choices);
}
