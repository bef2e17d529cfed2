import type { Interaction } from "discord.js";
import { UserError } from "../domain/errors.js";

/** The server an interaction came from; outside one (in a DM), a message saying where `what` works. */
export function requireGuild(interaction: Interaction, what = "This"): string {
  if (!interaction.inGuild()) throw new UserError(`${what} only works inside a server.`);
  return interaction.guildId;
}
