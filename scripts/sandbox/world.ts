import { PermissionFlagsBits } from "discord-api-types/v10";
import type { DiscordEmulator } from "../../emulator/index.js";

export interface SandboxMember {
  id: string;
  name: string;
  description: string;
}

export interface SandboxWorld {
  guildId: string;
  channels: Record<"general" | "mentoring" | "modLog" | "careerArticles", string>;
  members: SandboxMember[];
}

/**
 * The sandbox's server. Fixed ids, so data kept in the sandbox's SQLite file still belongs to
 * the same guild and people on the next run.
 */
export function seedWorld(emulator: DiscordEmulator): SandboxWorld {
  const guildId = "900000000000000001";
  emulator.addGuild({ id: guildId, name: "Library Careers (sandbox)" });
  const channel = (id: string, name: string) => emulator.addChannel(guildId, { id, name }).id;
  const channels = {
    general: channel("900000000000000010", "general"),
    mentoring: channel("900000000000000011", "mentoring"),
    modLog: channel("900000000000000012", "mod-log"),
    careerArticles: channel("900000000000000013", "career-articles"),
  };
  const moderatorRole = emulator.addRole(guildId, {
    id: "900000000000000020",
    name: "Moderator",
    permissions: PermissionFlagsBits.ManageGuild | PermissionFlagsBits.ManageThreads,
  });
  // Roles a moderator might ping with new articles (`/feeds add mention:`); members may mention them.
  const jobSeekers = emulator.addRole(guildId, {
    id: "900000000000000021",
    name: "Job seekers",
    permissions: 0n,
    mentionable: true,
  }).id;
  const librarians = emulator.addRole(guildId, {
    id: "900000000000000022",
    name: "Librarians",
    permissions: 0n,
    mentionable: true,
  }).id;
  const people: (SandboxMember & { roles?: string[] })[] = [
    {
      id: "900000000000000101",
      name: "sam",
      description: "a job-seeker finishing an MLIS",
      roles: [jobSeekers],
    },
    {
      id: "900000000000000102",
      name: "ada",
      description: "an academic librarian (volunteer)",
      roles: [librarians],
    },
    {
      id: "900000000000000103",
      name: "ravi",
      description: "a public librarian (volunteer)",
      roles: [librarians],
    },
    { id: "900000000000000104", name: "morgan", description: "a moderator", roles: [moderatorRole.id] },
    { id: "900000000000000105", name: "lena", description: "an archivist (volunteer)", roles: [librarians] },
    {
      id: "900000000000000106",
      name: "omar",
      description: "a law librarian (volunteer)",
      roles: [librarians],
    },
    {
      id: "900000000000000107",
      name: "grace",
      description: "a health sciences librarian (volunteer)",
      roles: [librarians],
    },
  ];
  for (const person of people) {
    emulator.addMember(guildId, {
      id: person.id,
      username: person.name,
      globalName: person.name[0]?.toUpperCase() + person.name.slice(1),
      roles: person.roles,
    });
  }
  return { guildId, channels, members: people };
}
