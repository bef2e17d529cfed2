import { type GuildMember, Routes } from "discord.js";
import type { BotContext, ComponentInteraction } from "../../core/types.js";
import { UserError } from "../../domain/errors.js";
import { serves } from "../../domain/shards.js";

interface RequestRef {
  guildId: string;
  requestId: string;
}

const STALE = "This button no longer works. Run `/requests` to see your requests.";

/** `guildId|requestId` from a request button's custom ID. It names the request, never who may act. */
export function requestRef(args: readonly string[]): RequestRef {
  const [guildId, requestId] = args;
  if (!guildId || !requestId) throw new UserError(STALE);
  return { guildId, requestId };
}

/**
 * A request button's guild and request, with the guild brought up to date first when this process
 * does not serve it: buttons in DMs arrive on shard 0, where the router finds no such guild in the
 * cache to sync, and the process serving it may have changed its requests, blocks or listings.
 */
export async function requestIn(
  context: BotContext,
  args: readonly string[],
): Promise<RequestRef & { servedHere: boolean }> {
  const ref = requestRef(args);
  const servedHere = serves(context.shards(), ref.guildId);
  if (!servedHere) await context.services.syncGuild(ref.guildId);
  return { ...ref, servedHere };
}

/**
 * The guild a seeker acts in, with their member record. In a server that is the interaction's guild;
 * in a DM (alternatives sent after a decline or expiry) it is named in the custom ID, so the seeker
 * must be shown to be a member of it. A DM arrives on shard 0: for a guild another shard serves,
 * membership is asked of Discord and the guild's data is synced here (`servedHere` is then false).
 */
export async function seekerGuild(
  interaction: ComponentInteraction,
  scopedGuildId: string | undefined,
  context: BotContext,
): Promise<{ guildId: string; member: GuildMember | undefined; servedHere: boolean }> {
  if (interaction.inGuild()) {
    const member = interaction.inCachedGuild() ? interaction.member : undefined;
    return { guildId: interaction.guildId, member, servedHere: true };
  }
  const notMember = new UserError("You need to be a member of that server to ask its librarians.");
  if (scopedGuildId && !serves(context.shards(), scopedGuildId)) {
    const route = Routes.guildMember(scopedGuildId, interaction.user.id);
    if (!(await interaction.client.rest.get(route).catch(() => undefined))) throw notMember;
    await context.services.syncGuild(scopedGuildId);
    return { guildId: scopedGuildId, member: undefined, servedHere: false };
  }
  const guild = scopedGuildId ? interaction.client.guilds.cache.get(scopedGuildId) : undefined;
  const member = await guild?.members.fetch(interaction.user.id).catch(() => undefined);
  if (!guild || !member) throw notMember;
  return { guildId: guild.id, member, servedHere: true };
}

/** The name a seeker is shown to the librarian by: their server nickname, else their Discord name. */
export function displayNameOf(interaction: ComponentInteraction, member: GuildMember | undefined): string {
  if (member) return member.displayName;
  const raw = interaction.member;
  return (raw && "nick" in raw && raw.nick) || interaction.user.displayName;
}
