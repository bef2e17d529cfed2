import { PermissionFlagsBits } from "discord-api-types/v10";

export const ALL_PERMISSIONS = Object.values(PermissionFlagsBits).reduce((all, bit) => all | bit, 0n);

/** What @everyone gets in a freshly created guild (roughly Discord's default). */
export const DEFAULT_EVERYONE_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.CreatePublicThreads |
  PermissionFlagsBits.CreatePrivateThreads |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.UseApplicationCommands |
  PermissionFlagsBits.ChangeNickname |
  PermissionFlagsBits.Connect |
  PermissionFlagsBits.Speak;

export type PermissionInput = bigint | string | number;

export function toPermissionBits(value: PermissionInput | undefined): bigint {
  if (value === undefined) return 0n;
  return BigInt(value);
}

/**
 * Guild-level permissions as Discord computes them: owner and Administrator get everything,
 * otherwise @everyone OR every role the member has. Channel overwrites are not modelled.
 */
export function computeBasePermissions(input: {
  isOwner: boolean;
  everyone: bigint;
  roles: bigint[];
  extra: bigint;
}): bigint {
  if (input.isOwner) return ALL_PERMISSIONS;
  const bits = input.roles.reduce((acc, role) => acc | role, input.everyone | input.extra);
  return (bits & PermissionFlagsBits.Administrator) !== 0n ? ALL_PERMISSIONS : bits;
}
