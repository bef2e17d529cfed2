import type {
  APIChannel,
  APIGuild,
  APIGuildMember,
  APIInteractionDataResolvedChannel,
  APIMessage,
  APIRole,
  APIThreadMember,
  GatewayGuildCreateDispatchData,
} from "discord-api-types/v10";
import {
  type ChannelFlags,
  ChannelType,
  GuildMemberFlags,
  type GuildSystemChannelFlags,
  OverwriteType,
  type RoleFlags,
  type ThreadMemberFlags,
} from "discord-api-types/v10";
import {
  type ChannelRecord,
  type EmulatorState,
  type GuildRecord,
  isThread,
  type MemberRecord,
  type RoleRecord,
  type StoredMessage,
} from "./state.js";

/** JSON builders: turn the emulator's records into the objects Discord sends. */

export function roleJson(role: RoleRecord): APIRole {
  return {
    id: role.id,
    name: role.name,
    color: role.color,
    colors: { primary_color: role.color, secondary_color: null, tertiary_color: null },
    hoist: role.hoist,
    icon: null,
    unicode_emoji: null,
    position: role.position,
    permissions: role.permissions.toString(),
    managed: false,
    mentionable: role.mentionable,
    flags: 0 as RoleFlags,
  };
}

export function memberJson(
  state: EmulatorState,
  member: MemberRecord,
): APIGuildMember & { user: NonNullable<APIGuildMember["user"]> } {
  const user = state.users.get(member.userId);
  if (!user) throw new Error(`Member ${member.userId} has no user`);
  return {
    user,
    nick: member.nick,
    avatar: null,
    banner: null,
    roles: [...member.roles],
    joined_at: member.joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: GuildMemberFlags.CompletedOnboarding,
    pending: false,
    communication_disabled_until: null,
  };
}

export function threadMemberJson(channel: ChannelRecord, userId: string, joined: string): APIThreadMember {
  return { id: channel.id, user_id: userId, join_timestamp: joined, flags: 0 as ThreadMemberFlags };
}

export function channelJson(state: EmulatorState, c: ChannelRecord): APIChannel {
  if (c.type === ChannelType.DM) {
    const recipient = c.recipientId ? state.users.get(c.recipientId) : undefined;
    return {
      id: c.id,
      type: ChannelType.DM,
      name: null,
      flags: 0 as ChannelFlags,
      last_message_id: c.lastMessageId,
      recipients: recipient ? [recipient] : [],
    };
  }
  if (isThread(c) && c.thread) {
    const botJoined = c.threadMembers.get(state.botUser.id);
    return {
      id: c.id,
      type: c.type as ChannelType.PublicThread | ChannelType.PrivateThread,
      guild_id: c.guildId ?? undefined,
      name: c.name ?? "",
      parent_id: c.parentId ?? undefined,
      owner_id: c.ownerId ?? undefined,
      last_message_id: c.lastMessageId,
      rate_limit_per_user: 0,
      flags: 0 as ChannelFlags,
      message_count: c.messageCount,
      total_message_sent: c.messageCount,
      member_count: Math.min(c.threadMembers.size, 50),
      thread_metadata: {
        archived: c.thread.archived,
        locked: c.thread.locked,
        invitable: c.thread.invitable,
        auto_archive_duration: c.thread.autoArchiveDuration,
        archive_timestamp: c.thread.archiveTimestamp,
        create_timestamp: c.thread.createTimestamp,
      },
      ...(botJoined ? { member: threadMemberJson(c, state.botUser.id, botJoined) } : {}),
    };
  }
  return {
    id: c.id,
    type: c.type as ChannelType.GuildText,
    guild_id: c.guildId ?? undefined,
    name: c.name ?? "",
    position: c.position,
    permission_overwrites: c.overwrites.map((o) => ({
      id: o.id,
      type: o.type === "role" ? OverwriteType.Role : OverwriteType.Member,
      allow: o.allow.toString(),
      deny: o.deny.toString(),
    })),
    parent_id: c.parentId,
    topic: c.topic,
    nsfw: false,
    last_message_id: c.lastMessageId,
    rate_limit_per_user: 0,
    flags: 0 as ChannelFlags,
  };
}

export function resolvedChannelJson(
  state: EmulatorState,
  c: ChannelRecord,
  permissions: bigint,
): APIInteractionDataResolvedChannel {
  const full = channelJson(state, c) as APIChannel & { parent_id?: string | null; thread_metadata?: unknown };
  return {
    id: c.id,
    name: c.name ?? "",
    type: c.type,
    permissions: permissions.toString(),
    ...(isThread(c) ? { parent_id: full.parent_id, thread_metadata: full.thread_metadata } : {}),
  } as APIInteractionDataResolvedChannel;
}

export function guildJson(state: EmulatorState, g: GuildRecord): APIGuild {
  const textChannel = [...state.channels.values()].find(
    (c) => c.guildId === g.id && c.type === ChannelType.GuildText,
  );
  return {
    id: g.id,
    name: g.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: g.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [...g.roles.values()].map(roleJson),
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: textChannel?.id ?? null,
    system_channel_flags: 0 as GuildSystemChannelFlags,
    rules_channel_id: null,
    vanity_url_code: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    preferred_locale: "en-US" as APIGuild["preferred_locale"],
    public_updates_channel_id: null,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    hub_type: null,
    safety_alerts_channel_id: null,
    incidents_data: null,
  };
}

export function guildCreateJson(state: EmulatorState, g: GuildRecord): GatewayGuildCreateDispatchData {
  const inGuild = [...state.channels.values()].filter((c) => c.guildId === g.id);
  return {
    ...guildJson(state, g),
    joined_at: g.createdAt,
    large: false,
    unavailable: false,
    member_count: g.members.size,
    voice_states: [],
    members: [...g.members.values()].map((m) => memberJson(state, m)),
    channels: inGuild
      .filter((c) => !isThread(c))
      .map((c) => channelJson(state, c)) as GatewayGuildCreateDispatchData["channels"],
    threads: inGuild
      .filter((c) => isThread(c) && !c.thread?.archived)
      .map((c) => channelJson(state, c)) as GatewayGuildCreateDispatchData["threads"],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

/** The message as sent over the wire: without the emulator's bookkeeping fields. */
export function messageJson(message: StoredMessage): APIMessage {
  const { files: _files, deleted: _deleted, ...wire } = message;
  return wire;
}
