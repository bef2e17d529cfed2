// One bot in its own process, so its memory is measured alone: `ping` (a bare discord.js bot) or
// `reference-desk` (ours). Tells the parent its RSS and the CPU time it used once ready, and its RSS
// whenever asked ("rss"), then serves until disconnected. The last argument is the store's URL for ours, and for the bare bot
// an answer to send instead of "Pong".
// Each bot is imported only when chosen, so the bare bot loads none of our code.

const [kind = "ping", apiUrl = "", token = "", last = ""] = process.argv.slice(2);

if (kind === "ping") {
  const { startPingBot } = await import("../emulator/bare-ping-bot.js");
  await startPingBot(
    { apiUrl, botToken: token },
    { registerCommands: false, answer: last ? JSON.parse(last) : undefined },
  );
} else {
  const [{ emulatorClientOptions }, { createBot }, { loadConfig }, { createLogger }] = await Promise.all([
    import("../emulator/client-options.js"),
    import("../src/bot.js"),
    import("../src/config.js"),
    import("../src/logger.js"),
  ]);
  const config = loadConfig({
    DISCORD_TOKEN: token,
    DISCORD_API_URL: apiUrl,
    DATABASE_URL: last || "memory://",
  });
  const bot = await createBot({
    config,
    logger: createLogger("silent"),
    clientOptions: emulatorClientOptions({ apiUrl }),
  });
  await bot.start();
}
const { user, system } = process.cpuUsage();
process.send?.({ rssBytes: process.memoryUsage().rss, cpuMs: (user + system) / 1000 });
process.on(
  "message",
  (message) => message === "rss" && process.send?.({ rssBytes: process.memoryUsage().rss }),
);
process.on("disconnect", () => process.exit(0));
