import { type ChatInputCommandInteraction, PermissionFlagsBits } from "discord.js";
import { UserError } from "../core/errors.js";

/**
 * Moderator commands are hidden from others by `default_member_permissions`, but a server can
 * override that, so the permission is checked again on every use.
 */
export function requireManageServer(interaction: ChatInputCommandInteraction, what: string): string {
  if (!interaction.inGuild()) throw new UserError(`${what} only works inside a server.`);
  if (!interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild)) {
    throw new UserError(`Only moderators with the Manage Server permission can ${what}.`);
  }
  return interaction.guildId;
}
