import type { AutocompleteInteraction } from "discord.js";
import { LIMITS } from "../../core/limits.js";

const ZONES = Intl.supportedValuesOf("timeZone");

/** Suggests IANA zones containing what was typed ("chicago" → America/Chicago); offsets like UTC-5 pass through. */
export async function autocompleteTimeZone(interaction: AutocompleteInteraction): Promise<void> {
  const typed = String(interaction.options.getFocused()).trim();
  const wanted = typed.toLowerCase().replace(/\s+/g, "_");
  const matches = ZONES.filter((zone) => zone.toLowerCase().includes(wanted)).slice(0, LIMITS.choices);
  const offset = /^(utc|gmt)?\s*[+-]\d{1,2}(:?\d{2})?$/i.test(typed) ? [typed.toUpperCase()] : [];
  await interaction.respond(
    [...offset, ...matches].slice(0, LIMITS.choices).map((zone) => ({ name: zone, value: zone })),
  );
}
