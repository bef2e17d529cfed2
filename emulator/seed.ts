import { PermissionFlagsBits } from "discord-api-types/v10";
import type { DiscordEmulator } from "./emulator.js";

/** Ids of the default guild, so tests can refer to channels, roles and members by meaning. */
export interface DefaultSeed {
  guildId: string;
  channels: { general: string; mentoring: string; modLog: string; careerArticles: string };
  roles: { moderator: string };
  members: { seeker: string; librarian: string; moderator: string };
}

/** One guild shaped like the bot's home: a few channels, a Moderator role (Manage Guild) and three members. */
export function seedDefaultGuild(
  emulator: DiscordEmulator,
  name = "Library Careers",
  guildId?: string,
): DefaultSeed {
  const guild = emulator.addGuild({ name, ...(guildId ? { id: guildId } : {}) });
  const channel = (channelName: string) => emulator.addChannel(guild.id, { name: channelName }).id;
  const channels = {
    general: channel("general"),
    mentoring: channel("mentoring"),
    modLog: channel("mod-log"),
    careerArticles: channel("career-articles"),
  };
  const moderatorRole = emulator.addRole(guild.id, {
    name: "Moderator",
    permissions:
      PermissionFlagsBits.ManageGuild |
      PermissionFlagsBits.ManageMessages |
      PermissionFlagsBits.ManageThreads,
  });
  const member = (username: string, globalName: string, roles: string[] = []) =>
    emulator.addMember(guild.id, { username, globalName, roles }).userId;
  return {
    guildId: guild.id,
    channels,
    roles: { moderator: moderatorRole.id },
    members: {
      seeker: member("jordan", "Jordan (job seeker)"),
      librarian: member("casey", "Casey (reference librarian)"),
      moderator: member("morgan", "Morgan (moderator)", [moderatorRole.id]),
    },
  };
}
