import { BOT_RUNTIME, type BotKind, rssOf } from "./bots.js";
import { startSubject, stopSubject } from "./interactions.js";
import { mebibytes, quantile, round } from "./stats.js";

interface StartupRun {
  /** From forking the process to the emulator receiving IDENTIFY. */
  identifyMs: number;
  /** The bot process's RSS right after it answered its first interaction. */
  rssMiB: number;
  /** Interactions answered per second in a burst sent concurrently, `batch` at a time. */
  perSecond: number;
}

const COMMANDS: Record<BotKind, { command: string; options: Record<string, string> }> = {
  ping: { command: "ping", options: {} },
  "reference-desk": { command: "questions", options: { "library-type": "academic" } },
};

async function runOnce(kind: BotKind, burst: number, batch: number): Promise<StartupRun> {
  const { command, options } = COMMANDS[kind];
  const subject = await startSubject(kind, command, options);
  try {
    const { emulator, bot } = subject;
    const [session] = emulator.gatewaySessions;
    if (!session) throw new Error(`${kind} is ready without a gateway session`);
    const seed = emulator.seed;
    if (!seed) throw new Error("seed the emulator");
    const actor = emulator.as(seed.members.seeker, { guildId: seed.guildId });

    await actor.command(command, options).reply(10_000);
    const rssBytes = await rssOf(bot.child);

    const started = performance.now();
    for (let sent = 0; sent < burst; sent += batch) {
      const size = Math.min(batch, burst - sent);
      await Promise.all(Array.from({ length: size }, () => actor.command(command, options).reply(30_000)));
    }
    const seconds = (performance.now() - started) / 1000;
    return {
      identifyMs: session.identifiedAt.getTime() - bot.forkedAt,
      rssMiB: mebibytes(rssBytes),
      perSecond: burst / seconds,
    };
  } finally {
    await stopSubject(subject);
  }
}

const median = (runs: StartupRun[], figure: keyof StartupRun) =>
  quantile(
    runs.map((run) => run[figure]),
    0.5,
  );

const range = (runs: StartupRun[], figure: keyof StartupRun, digits: number) => {
  const values = runs.map((run) => run[figure]);
  return `${round(Math.min(...values), digits)}–${round(Math.max(...values), digits)}`;
};

/**
 * Reference Desk against a bare discord.js bot, each started `runs` times in a fresh process on a
 * fresh emulator, the two alternating (and the order flipped each round) so drift in load falls on
 * both. Medians of: start-up to IDENTIFY, RSS after the first answer, and a burst of `burst`
 * `/questions academic` (ours) or `/ping` (bare) sent `batch` at a time.
 */
export async function benchStartup(runs = 5, burst = 1000, batch = 50) {
  const results: Record<BotKind, StartupRun[]> = { ping: [], "reference-desk": [] };
  for (let i = 0; i < runs; i++) {
    const order: BotKind[] = i % 2 === 0 ? ["ping", "reference-desk"] : ["reference-desk", "ping"];
    for (const kind of order) results[kind].push(await runOnce(kind, burst, batch));
  }
  const bare = results.ping;
  const ours = results["reference-desk"];
  const identify = [median(ours, "identifyMs"), median(bare, "identifyMs")] as const;
  const rss = [median(ours, "rssMiB"), median(bare, "rssMiB")] as const;
  const rate = [median(ours, "perSecond"), median(bare, "perSecond")] as const;
  return {
    runs: `${runs} of each, alternating; medians (ranges in brackets)`,
    runtime: BOT_RUNTIME,
    "start → IDENTIFY ms, ours": `${round(identify[0], 0)} (${range(ours, "identifyMs", 0)})`,
    "start → IDENTIFY ms, bare": `${round(identify[1], 0)} (${range(bare, "identifyMs", 0)})`,
    "  ratio (goal ≤ 1.3)": round(identify[0] / identify[1]),
    "RSS at first answer MiB, ours": `${rss[0]} (${range(ours, "rssMiB", 1)})`,
    "RSS at first answer MiB, bare": `${rss[1]} (${range(bare, "rssMiB", 1)})`,
    "  difference MiB (goal ≤ 30)": round(rss[0] - rss[1], 1),
    [`burst of ${burst} per s, /questions (ours)`]: `${round(rate[0], 0)} (${range(ours, "perSecond", 0)})`,
    [`burst of ${burst} per s, /ping (bare)`]: `${round(rate[1], 0)} (${range(bare, "perSecond", 0)})`,
    "  ratio (goal ≥ 0.9)": round(rate[0] / rate[1]),
    "burst batch size": batch,
  };
}
