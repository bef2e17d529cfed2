import { PermissionFlagsBits } from "discord-api-types/v10";

/** Permission names as Discord's server settings show them. */
const PERMISSION_NAMES: Partial<Record<keyof typeof PermissionFlagsBits, string>> = {
  ManageGuild: "Manage Server",
  ManageMessages: "Manage Messages",
  ManageThreads: "Manage Threads",
  ManageRoles: "Manage Roles",
  ManageChannels: "Manage Channels",
  Administrator: "Administrator",
  MentionEveryone: "Mention @everyone, @here and All Roles",
};

/** The names of the permissions in `bits`, e.g. ["Manage Server"]. */
export function permissionNames(bits: bigint): string[] {
  return Object.entries(PermissionFlagsBits)
    .filter(([, bit]) => bit !== 0n && (bits & bit) === bit)
    .map(([key]) => PERMISSION_NAMES[key as keyof typeof PermissionFlagsBits] ?? splitWords(key));
}

const splitWords = (key: string) => key.replace(/([a-z])([A-Z])/g, "$1 $2");

/**
 * Rewords what the emulator says about a console mistake for a person; the console checks most
 * mistakes itself, so this covers the rest. Anything unknown keeps its first line.
 */
export function plainError(message: string): string {
  const first = message.split("\n")[0] ?? message;
  const timedOut = /^Timed out after (\d+) ms: waiting for (?:the first response|the reply|a modal)/.exec(
    first,
  );
  if (timedOut) {
    return `The bot has not answered within ${Number(timedOut[1]) / 1000} s. Anything it sends later is printed when it arrives; its log is data/sandbox.log.`;
  }
  const channelType = /: "(.+)" only accepts channel types/.exec(first);
  if (channelType)
    return `That channel can't be used for ${channelType[1]}: pick a text channel (type \`channels\`).`;
  if (/^Component ".*" is disabled$/.test(first)) return "That button is disabled.";
  const picks = /^Select ".*" takes (\d+)\.\.(\d+) values, got (\d+)$/.exec(first);
  if (picks) return `That menu takes ${picks[1]} to ${picks[2]} choices; you picked ${picks[3]}.`;
  if (/^Select ".*" has no option/.test(first)) return "That menu has no such choice.";
  if (/^Message \d+ does not exist/.test(first)) return "That message is gone: the bot deleted it.";
  if (/^Message \d+ has no component/.test(first))
    return "That message no longer has this button: the bot changed it. Type `dms` or `read` to see it again.";
  const field =
    /^Modal ".*" field ".*" (is required|needs at least \d+ characters|allows at most \d+ characters)$/.exec(
      first,
    );
  if (field) return `A form field ${field[1]}.`;
  return first;
}
