import {
  type ChatInputCommandInteraction,
  channelMention,
  type Guild,
  PermissionFlagsBits,
} from "discord.js";
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

const TO_POST_EMBEDS: readonly [bigint, string][] = [
  [PermissionFlagsBits.ViewChannel, "View Channel"],
  [PermissionFlagsBits.SendMessages, "Send Messages"],
  [PermissionFlagsBits.EmbedLinks, "Embed Links"],
];

/**
 * Refuses a channel the bot cannot post embeds in, naming what it lacks there, so a moderator finds
 * out now rather than from failed posts later. Says nothing when the bot's permissions there are not
 * known (the channel or the bot's member not cached).
 */
export function requireBotCanPostEmbeds(guild: Guild | null, channel: { id: string }): void {
  const me = guild?.members.me;
  const cached = guild?.channels.cache.get(channel.id);
  if (!me || !cached || !("permissionsFor" in cached)) return;
  const has = cached.permissionsFor(me);
  if (!has) return;
  const missing = TO_POST_EMBEDS.filter(([bit]) => !has.has(bit)).map(([, name]) => name);
  if (missing.length === 0) return;
  throw new UserError(
    `I can't post in ${channelMention(channel.id)}: I'm missing ${missing.join(", ")} there. ` +
      "Give Reference Desk those permissions in the channel's settings, or pick another channel.",
  );
}
