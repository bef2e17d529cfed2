// Runs Reference Desk offline: a local Discord emulator, the real bot on it with its own SQLite
// file under data/, sample feeds on 127.0.0.1, and a console to act as a few seeded members.
// No token, no network.
import { mkdirSync } from "node:fs";
import ms from "ms";
import { pino } from "pino";
import { DiscordEmulator, emulatorClientOptions } from "../emulator/index.js";
import { createBot } from "../src/bot.js";
import { ConfigError, loadConfig } from "../src/config.js";
import { deployCommands } from "../src/core/deploy.js";
import { loadCommands } from "../src/core/loader.js";
import { meetingTimesText } from "../src/discord/meetings/durations.js";
import { createLogger } from "../src/logger.js";
import { SandboxConsole } from "./sandbox/console.js";
import { SampleFeedServer } from "./sandbox/sample-feeds.js";
import { seedSandboxData } from "./sandbox/seed-data.js";
import { Terminal } from "./sandbox/terminal.js";
import { seedWorld } from "./sandbox/world.js";

const terminal = new Terminal(process.stdin, process.stdout);
const print = (text: string) => terminal.print(text);

// Durations come from the environment, so expiry, reminders and nudges can be rehearsed: REQUEST_EXPIRY=2m.
const durations = {
  REQUEST_EXPIRY: process.env.REQUEST_EXPIRY,
  MEETING_REMINDERS: process.env.MEETING_REMINDERS,
  FIRST_CONTACT_NUDGE: process.env.FIRST_CONTACT_NUDGE,
  UNSCHEDULED_CLOSE: process.env.UNSCHEDULED_CLOSE,
  ATTENDANCE_CHECK: process.env.ATTENDANCE_CHECK,
  LATE_CANCEL_WINDOW: process.env.LATE_CANCEL_WINDOW,
  NO_SHOW_WINDOW: process.env.NO_SHOW_WINDOW,
  NO_SHOW_STOP: process.env.NO_SHOW_STOP,
  SLOT_HORIZON: process.env.SLOT_HORIZON,
  FEED_POLL_INTERVAL: process.env.FEED_POLL_INTERVAL ?? "1m",
};
try {
  loadConfig(durations);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  print(error.message);
  process.exit(1);
}

mkdirSync("data", { recursive: true });
const emulator = await DiscordEmulator.start({
  interactionAckDeadlineMs: terminal.interactive ? 3000 : 0,
});
const world = seedWorld(emulator);
const sampleFeeds = await SampleFeedServer.start();
const config = loadConfig({
  ...durations,
  DISCORD_TOKEN: emulator.botToken,
  DISCORD_API_URL: emulator.apiUrl,
  DATABASE_URL: process.env.SANDBOX_DATABASE_URL ?? "sqlite://data/sandbox.sqlite",
  LOG_LEVEL: process.env.LOG_LEVEL ?? "info",
  FEED_ALLOW_PRIVATE_HOSTS: "true",
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

const desk = new SandboxConsole(
  emulator,
  world,
  [...commands.values()].map((command) => command.data.toJSON()),
  print,
  sampleFeeds,
);
const long = (value: number) => ms(value, { long: true });
print("Reference Desk sandbox: the real bot on a local Discord emulator (logs: data/sandbox.log).");
print(
  `Requests expire after ${long(config.requestExpiryMs)}; ${meetingTimesText(config)}; ` +
    `feeds are checked every ${long(config.feedPollIntervalMs)}.\n` +
    "(Shorter for a rehearsal: REQUEST_EXPIRY=2m FIRST_CONTACT_NUDGE=3m UNSCHEDULED_CLOSE=6m " +
    "MEETING_REMINDERS=2m,1m ATTENDANCE_CHECK=1m FEED_POLL_INTERVAL=20s npm run sandbox)",
);
print(`You are ${desk.member.name}, ${desk.member.description}. Type help for what you can do.\n`);

// What the bot does while it waits for input (expiries, reminders, nudges, feed posts, edits) shows as it happens.
let liveTimer: NodeJS.Timeout | undefined;
const stopLive = emulator.onMessage(() => {
  clearTimeout(liveTimer);
  liveTimer = setTimeout(() => {
    if (!desk.idle) return;
    for (const block of desk.news()) terminal.printAbove(block);
  }, 150);
});

const readAnswer = (prompt: string) => terminal.readLine(prompt, { remember: false });
for (;;) {
  const line = await terminal.readLine(`${desk.member.name}> `);
  if (line === undefined) break;
  if (!(await desk.handle(line, readAnswer))) break;
  if (terminal.interactive) print("");
}
// From a pipe, what the last lines set off is printed before leaving.
await desk.settle(1000);
for (const block of desk.news()) print(block);
stopLive();
clearTimeout(liveTimer);
desk.close();
terminal.close();
await bot.stop();
await sampleFeeds.stop();
await emulator.stop();
print(terminal.interactive ? "Bye." : "(end of input)");
process.exit(0);
