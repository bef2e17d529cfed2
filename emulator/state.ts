import { EventEmitter } from "node:events";
import type { APIApplicationCommand, APIMessage, APIUser } from "discord-api-types/v10";
import { ChannelType, PermissionFlagsBits } from "discord-api-types/v10";
import { computeBasePermissions, DEFAULT_EVERYONE_PERMISSIONS } from "./permissions.js";
import { SnowflakeGenerator } from "./snowflake.js";

export interface RoleRecord {
  id: string;
  name: string;
  permissions: bigint;
  position: number;
  color: number;
  hoist: boolean;
  mentionable: boolean;
}

export interface MemberRecord {
  userId: string;
  roles: string[];
  nick: string | null;
  joinedAt: string;
  /** Extra permission bits granted on top of the member's roles. */
  extraPermissions: bigint;
}

export interface GuildRecord {
  id: string;
  name: string;
  ownerId: string;
  createdAt: string;
  roles: Map<string, RoleRecord>;
  members: Map<string, MemberRecord>;
}

export interface ThreadMeta {
  archived: boolean;
  locked: boolean;
  invitable: boolean;
  autoArchiveDuration: number;
  archiveTimestamp: string;
  createTimestamp: string;
}

export interface ChannelRecord {
  id: string;
  type: ChannelType;
  guildId: string | null;
  name: string | null;
  parentId: string | null;
  position: number;
  topic: string | null;
  ownerId: string | null;
  /** The other user of a DM channel. */
  recipientId: string | null;
  thread: ThreadMeta | null;
  /** Thread members: user id → join timestamp. */
  threadMembers: Map<string, string>;
  lastMessageId: string | null;
  messageCount: number;
  /** Permission overwrites of a guild channel (threads use their parent's). */
  overwrites: ChannelOverwrite[];
}

export interface ChannelOverwrite {
  /** A role id (the guild id for @everyone) or a user id. */
  id: string;
  type: "role" | "member";
  allow: bigint;
  deny: bigint;
}

/** An uploaded file, kept with its bytes so tests can read what the bot attached. */
export interface StoredFile {
  id: string;
  filename: string;
  contentType: string;
  content: Buffer;
}

/** A message as the API returns it, plus the uploaded files' contents. Objects are live: edits mutate them. */
export type StoredMessage = APIMessage & { files: StoredFile[]; deleted?: boolean };

/**
 * What happened to a message, as the bot did it: `create`, `edit` (`filledIn` when a deferred
 * "thinking" reply got its content, which Discord does not show as an edit) or `delete`.
 * Ephemeral messages are included.
 */
export type MessageEvent =
  | { type: "create"; message: StoredMessage }
  | { type: "edit"; message: StoredMessage; filledIn: boolean }
  | { type: "delete"; message: StoredMessage };

export const isThread = (c: ChannelRecord) =>
  c.type === ChannelType.PublicThread ||
  c.type === ChannelType.PrivateThread ||
  c.type === ChannelType.AnnouncementThread;

/** All data the emulated Discord holds. Emits "change" after every mutation so waiters can re-check. */
export class EmulatorState extends EventEmitter {
  readonly ids = new SnowflakeGenerator();
  readonly users = new Map<string, APIUser>();
  readonly guilds = new Map<string, GuildRecord>();
  readonly channels = new Map<string, ChannelRecord>();
  readonly messages = new Map<string, StoredMessage>();
  readonly dmChannelByUser = new Map<string, string>();
  readonly dmsClosed = new Set<string>();
  /** "global" or a guild id → registered commands. */
  readonly commands = new Map<string, APIApplicationCommand[]>();
  readonly botUser: APIUser;

  constructor(botUsername: string) {
    super();
    this.setMaxListeners(0);
    const id = this.ids.next();
    this.botUser = {
      id,
      username: botUsername,
      discriminator: "0000",
      global_name: null,
      avatar: null,
      bot: true,
    };
    this.users.set(id, this.botUser);
  }

  changed(): void {
    this.emit("change");
  }

  /** Tells `onMessage` listeners; emitted before the "change" that follows the same mutation. */
  messageEvent(event: MessageEvent): void {
    this.emit("message", event);
  }

  newId(wanted?: string): string {
    if (wanted === undefined) return this.ids.next();
    this.ids.observe(wanted);
    return wanted;
  }

  addUser(user: { id?: string; username: string; globalName?: string | null; bot?: boolean }): APIUser {
    const id = this.newId(user.id);
    const existing = this.users.get(id);
    if (existing) return existing;
    const created: APIUser = {
      id,
      username: user.username,
      discriminator: "0",
      global_name: user.globalName ?? null,
      avatar: null,
      ...(user.bot ? { bot: true } : {}),
    };
    this.users.set(id, created);
    return created;
  }

  addGuild(input: { id?: string; name: string; ownerId?: string }): GuildRecord {
    const id = this.newId(input.id);
    if (this.guilds.has(id)) throw new Error(`Guild ${id} already exists`);
    const now = new Date().toISOString();
    const guild: GuildRecord = {
      id,
      name: input.name,
      ownerId: input.ownerId ?? this.botUser.id,
      createdAt: now,
      roles: new Map(),
      members: new Map(),
    };
    // @everyone shares the guild's id, as on Discord.
    guild.roles.set(id, {
      id,
      name: "@everyone",
      permissions: DEFAULT_EVERYONE_PERMISSIONS,
      position: 0,
      color: 0,
      hoist: false,
      mentionable: false,
    });
    guild.members.set(this.botUser.id, {
      userId: this.botUser.id,
      roles: [],
      nick: null,
      joinedAt: now,
      extraPermissions: 0n,
    });
    this.guilds.set(id, guild);
    this.changed();
    return guild;
  }

  addChannel(input: Partial<ChannelRecord> & { type: ChannelType; name: string | null }): ChannelRecord {
    const id = this.newId(input.id);
    const position = input.guildId
      ? [...this.channels.values()].filter((c) => c.guildId === input.guildId).length
      : 0;
    const channel: ChannelRecord = {
      guildId: null,
      parentId: null,
      position,
      topic: null,
      ownerId: null,
      recipientId: null,
      thread: null,
      lastMessageId: null,
      messageCount: 0,
      overwrites: [],
      ...input,
      id,
      threadMembers: new Map(),
    };
    this.channels.set(id, channel);
    this.changed();
    return channel;
  }

  addRole(
    guild: GuildRecord,
    input: { id?: string; name: string; permissions: bigint; mentionable?: boolean },
  ): RoleRecord {
    const id = this.newId(input.id);
    const role: RoleRecord = {
      id,
      name: input.name,
      permissions: input.permissions,
      position: guild.roles.size,
      color: 0,
      hoist: false,
      mentionable: input.mentionable ?? false,
    };
    guild.roles.set(id, role);
    this.changed();
    return role;
  }

  addMember(
    guild: GuildRecord,
    user: APIUser,
    input: { roles?: string[]; nick?: string | null; permissions?: bigint },
  ) {
    for (const roleId of input.roles ?? []) {
      if (!guild.roles.has(roleId)) throw new Error(`Role ${roleId} does not exist in guild ${guild.id}`);
    }
    const member: MemberRecord = {
      userId: user.id,
      roles: [...(input.roles ?? [])],
      nick: input.nick ?? null,
      joinedAt: new Date().toISOString(),
      extraPermissions: input.permissions ?? 0n,
    };
    guild.members.set(user.id, member);
    this.changed();
    return member;
  }

  dmChannelFor(userId: string): ChannelRecord {
    const existing = this.dmChannelByUser.get(userId);
    const found = existing === undefined ? undefined : this.channels.get(existing);
    if (found) return found;
    const channel = this.addChannel({ type: ChannelType.DM, name: null, recipientId: userId });
    this.dmChannelByUser.set(userId, channel.id);
    return channel;
  }

  permissionsOf(guildId: string, userId: string): bigint {
    const guild = this.guilds.get(guildId);
    const member = guild?.members.get(userId);
    if (!guild || !member) return 0n;
    return computeBasePermissions({
      isOwner: guild.ownerId === userId,
      everyone: guild.roles.get(guild.id)?.permissions ?? 0n,
      roles: member.roles.map((id) => guild.roles.get(id)?.permissions ?? 0n),
      extra: member.extraPermissions,
    });
  }

  /** Guild permissions, then the channel's overwrites for @everyone, the member's roles and the member, as Discord applies them. */
  channelPermissionsOf(channel: ChannelRecord, userId: string): bigint {
    if (!channel.guildId) return 0n;
    const base = this.permissionsOf(channel.guildId, userId);
    if ((base & PermissionFlagsBits.Administrator) !== 0n) return base;
    const parent = channel.thread && channel.parentId ? this.channels.get(channel.parentId) : undefined;
    const overwrites = (parent ?? channel).overwrites;
    const roles = new Set(this.guilds.get(channel.guildId)?.members.get(userId)?.roles ?? []);
    const apply = (bits: bigint, matching: ChannelOverwrite[]) => {
      const deny = matching.reduce((all, overwrite) => all | overwrite.deny, 0n);
      const allow = matching.reduce((all, overwrite) => all | overwrite.allow, 0n);
      return (bits & ~deny) | allow;
    };
    let bits = apply(
      base,
      overwrites.filter((o) => o.type === "role" && o.id === channel.guildId),
    );
    bits = apply(
      bits,
      overwrites.filter((o) => o.type === "role" && roles.has(o.id)),
    );
    return apply(
      bits,
      overwrites.filter((o) => o.type === "member" && o.id === userId),
    );
  }

  channelMessages(channelId: string): StoredMessage[] {
    return [...this.messages.values()].filter((m) => m.channel_id === channelId && !m.deleted);
  }
}
