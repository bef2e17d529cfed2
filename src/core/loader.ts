import { readdir } from "node:fs/promises";
import type { BotEvent, Command } from "./types.js";

const MODULE_FILE = /^[^.].*(?<!\.d)\.(ts|js)$/;

async function importAll(folder: URL): Promise<unknown[]> {
  const files = (await readdir(folder)).filter((file) => MODULE_FILE.test(file)).sort();
  return Promise.all(
    files.map(async (file) => {
      const module = (await import(new URL(file, folder).href)) as { default?: unknown };
      if (!module.default) throw new Error(`${file} in ${folder.pathname} has no default export`);
      return module.default;
    }),
  );
}

const isCommand = (value: unknown): value is Command =>
  typeof value === "object" && value !== null && "data" in value && "execute" in value && "help" in value;

const isEvent = (value: unknown): value is BotEvent =>
  typeof value === "object" && value !== null && "name" in value && "execute" in value;

/** Loads one command per file from `src/commands`. The bot and the deploy script both call this. */
export async function loadCommands(
  folder = new URL("../commands/", import.meta.url),
): Promise<Map<string, Command>> {
  const commands = new Map<string, Command>();
  for (const command of await importAll(folder)) {
    if (!isCommand(command)) throw new Error(`A module in ${folder.pathname} is not a command`);
    if (commands.has(command.data.name)) throw new Error(`Two commands are named /${command.data.name}`);
    commands.set(command.data.name, command);
  }
  return commands;
}

export async function loadEvents(folder = new URL("../events/", import.meta.url)): Promise<BotEvent[]> {
  const events = await importAll(folder);
  for (const event of events) {
    if (!isEvent(event)) throw new Error(`A module in ${folder.pathname} is not an event handler`);
  }
  return events as BotEvent[];
}
