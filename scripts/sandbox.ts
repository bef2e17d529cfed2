// Runs Reference Desk offline: a local Discord emulator, the real bot on it with its own SQLite
// file under data/, and a console to act as a few seeded members. No token, no network.
import { mkdirSync } from "node:fs";
import { createInterface } from "node:readline";
import { pino } from "pino";
import { DiscordEmulator, emulatorClientOptions } from "../emulator/index.js";
import { createBot } from "../src/bot.js";
import { loadConfig } from "../src/config.js";
import { deployCommands } from "../src/core/deploy.js";
import { loadCommands } from "../src/core/loader.js";
import { createLogger } from "../src/logger.js";
import { SandboxConsole } from "./sandbox/console.js";
import { seedSandboxData } from "./sandbox/seed-data.js";
import { seedWorld } from "./sandbox/world.js";

const interactive = process.stdin.isTTY === true;
mkdirSync("data", { recursive: true });

const emulator = await DiscordEmulator.start({ interactionAckDeadlineMs: interactive ? 3000 : 0 });
const world = seedWorld(emulator);
const config = loadConfig({
  DISCORD_TOKEN: emulator.botToken,
  DISCORD_API_URL: emulator.apiUrl,
  DATABASE_URL: process.env.SANDBOX_DATABASE_URL ?? "sqlite://data/sandbox.sqlite",
  LOG_LEVEL: process.env.LOG_LEVEL ?? "info",
  FEED_ALLOW_PRIVATE_HOSTS: "true",
  FEED_POLL_INTERVAL: "1m",
});
const commands = await loadCommands();
await deployCommands(commands.values(), {
  token: emulator.botToken,
  clientId: emulator.applicationId,
  guildId: world.guildId,
  apiUrl: emulator.apiUrl,
});
// The bot's logs go to a file so they don't mix with the conversation.
const logger = createLogger(config.logLevel, pino.destination({ dest: "data/sandbox.log", sync: true }));
const bot = await createBot({ config, logger, clientOptions: emulatorClientOptions(emulator) });
await bot.start();
await seedSandboxData(bot.context, world);

const print = (text: string) => process.stdout.write(`${text}\n`);
const desk = new SandboxConsole(
  emulator,
  world,
  [...commands.values()].map((command) => command.data.toJSON()),
  print,
);
print(`Reference Desk sandbox: the real bot on a local Discord emulator (logs: data/sandbox.log).`);
print(`You are ${desk.member.name}, ${desk.member.description}. Type help for what you can do.\n`);

const rl = createInterface({ input: process.stdin, terminal: interactive });
const lines = rl[Symbol.asyncIterator]();
const readLine = async (prompt: string): Promise<string | undefined> => {
  if (interactive) process.stdout.write(prompt);
  const next = await lines.next();
  if (next.done) return undefined;
  if (!interactive) print(`${prompt}${next.value}`);
  return next.value;
};

let running = true;
while (running) {
  const line = await readLine(`${desk.member.name}> `);
  if (line === undefined) break;
  running = await desk.handle(line, readLine);
  if (interactive) print("");
}
rl.close();
await bot.stop();
await emulator.stop();
if (!interactive) print("(end of input)");
process.exit(0);
