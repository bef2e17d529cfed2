import { REST, type RESTPutAPIApplicationCommandsResult, Routes } from "discord.js";
import type { Command } from "./types.js";

export interface DeployTarget {
  token: string;
  clientId: string;
  /** Registers to this guild only (instant); without it, globally. */
  guildId?: string | undefined;
  apiUrl: string;
}

/** Bulk-overwrites the registered commands with exactly the loaded ones, so none linger or drift. */
export async function deployCommands(
  commands: Iterable<Command>,
  target: DeployTarget,
): Promise<RESTPutAPIApplicationCommandsResult> {
  const body = [...commands].map((command) => command.data.toJSON());
  const rest = new REST({ api: target.apiUrl }).setToken(target.token);
  const route = target.guildId
    ? Routes.applicationGuildCommands(target.clientId, target.guildId)
    : Routes.applicationCommands(target.clientId);
  return (await rest.put(route, { body })) as RESTPutAPIApplicationCommandsResult;
}
