import {
  type ChatInputCommandInteraction,
  channelMention,
  type Guild,
  PermissionFlagsBits,
} from "discord.js";
import { requireGuild } from "../../core/guild.js";
import { UserError } from "../../domain/errors.js";

/**
 * Moderator commands are hidden from others by `default_member_permissions`, but a server can
 * override that, so the permission is checked again on every use.
 */
export function requireManageServer(interaction: ChatInputCommandInteraction, what: string): string {
  const guildId = requireGuild(interaction, `\`/${interaction.commandName}\``);
  if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
    throw new UserError(`Only moderators with the Manage Server permission can ${what}.`);
  }
  return guildId;
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
  const has = botPermissionsIn(guild, channel.id);
  if (!has) return;
  const missing = TO_POST_EMBEDS.filter(([bit]) => !has.has(bit)).map(([, name]) => name);
  if (missing.length === 0) return;
  throw new UserError(
    `I can't post in ${channelMention(channel.id)}: I'm missing ${missing.join(", ")} there. ` +
      "Give Reference Desk those permissions in the channel's settings, or pick another channel.",
  );
}

/**
 * Whether a post in the channel would ping `role`: members can mention it, or the bot may mention
 * any role there. Undefined when the bot's permissions there are not known.
 */
export function botCanPing(
  guild: Guild | null,
  channelId: string,
  role: { mentionable: boolean },
): boolean | undefined {
  if (role.mentionable) return true;
  return botPermissionsIn(guild, channelId)?.has(PermissionFlagsBits.MentionEveryone);
}

function botPermissionsIn(guild: Guild | null, channelId: string) {
  const me = guild?.members.me;
  const channel = guild?.channels.cache.get(channelId);
  if (!me || !channel || !("permissionsFor" in channel)) return undefined;
  return channel.permissionsFor(me) ?? undefined;
}
