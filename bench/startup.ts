import type { Actor } from "../emulator/index.js";
import { BOT_RUNTIME, type BotKind, rssOf } from "./bots.js";
import type { Database } from "./databases.js";
import { type Subject, startSubject, stopSubject } from "./interactions.js";
import { mebibytes, quantile, round } from "./stats.js";
import { storedLibrarians } from "./stored-librarians.js";

interface Figures {
  /** From forking the process to the emulator receiving IDENTIFY. */
  identifyMs: number;
  /** CPU time the process had used when ready (READY follows IDENTIFY at once). */
  cpuToReadyMs: number;
  /** The bot process's RSS right after it answered its first interaction. */
  rssMiB: number;
  /** Interactions answered per second in a burst sent concurrently, `batch` at a time. */
  perSecond: number;
  /** The same for a second burst right after, with the bot's code warmed up by the first. */
  warmPerSecond: number;
}

interface Contestant {
  subject: Subject;
  actor: Actor;
  figures: Partial<Figures>;
}

const COMMANDS: Record<BotKind, { command: string; options: Record<string, string> }> = {
  ping: { command: "ping", options: {} },
  "reference-desk": { command: "questions", options: { "library-type": "academic" } },
};

async function start(kind: BotKind, database: Database): Promise<Contestant> {
  const { command, options } = COMMANDS[kind];
  const prepare = (guildId: string) => storedLibrarians(database, [guildId]);
  const subject = await startSubject(kind, command, options, kind === "ping" ? undefined : prepare);
  const { emulator, bot } = subject;
  const [session] = emulator.gatewaySessions;
  const seed = emulator.seed;
  if (!session || !seed) throw new Error(`${kind} is ready without a gateway session or a seeded guild`);
  const actor = emulator.as(seed.members.seeker, { guildId: seed.guildId });
  const identifyMs = session.identifiedAt.getTime() - bot.forkedAt;
  return { subject, actor, figures: { identifyMs, cpuToReadyMs: bot.cpuMsAtReady } };
}

const ask = ({ actor, subject }: Contestant) => actor.command(subject.command, subject.options).reply(30_000);

/**
 * Both bots answer a burst of `burst` interactions each, sent `batch` at a time: one batch to one
 * bot, the next to the other, so that a change in the machine's load falls on both. Resolves to
 * each one's answers per second over the time its own batches took.
 */
async function bursts(contestants: Contestant[], burst: number, batch: number): Promise<number[]> {
  const busyMs = contestants.map(() => 0);
  for (let sent = 0; sent < burst; sent += batch) {
    const size = Math.min(batch, burst - sent);
    const indexes = contestants.map((_, i) => i);
    for (const i of (sent / batch) % 2 === 0 ? indexes : indexes.reverse()) {
      const contestant = contestants[i] as Contestant;
      const started = performance.now();
      await Promise.all(Array.from({ length: size }, () => ask(contestant)));
      busyMs[i] = (busyMs[i] ?? 0) + performance.now() - started;
    }
  }
  return busyMs.map((ms) => burst / (ms / 1000));
}

/** One round: both bots started one after the other, then measured side by side. */
async function runRound(
  database: Database,
  order: BotKind[],
  burst: number,
  batch: number,
): Promise<Record<BotKind, Figures>> {
  const contestants: Contestant[] = [];
  try {
    for (const kind of order) contestants.push(await start(kind, database));
    for (const contestant of contestants) {
      await ask(contestant);
      contestant.figures.rssMiB = mebibytes(await rssOf(contestant.subject.bot.child));
    }
    const first = await bursts(contestants, burst, batch);
    const warm = await bursts(contestants, burst, batch);
    contestants.forEach((contestant, i) => {
      contestant.figures.perSecond = first[i];
      contestant.figures.warmPerSecond = warm[i];
    });
  } finally {
    for (const contestant of contestants) await stopSubject(contestant.subject);
  }
  const [a, b] = contestants.map((contestant) => contestant.figures as Figures) as [Figures, Figures];
  return order[0] === "ping" ? { ping: a, "reference-desk": b } : { ping: b, "reference-desk": a };
}

/** "median (min–max)" of one figure over the rounds. */
export function spread(values: number[], digits: number): string {
  const [low, high] = [Math.min(...values), Math.max(...values)];
  return `${round(quantile(values, 0.5), digits)} (${round(low, digits)}–${round(high, digits)})`;
}

/**
 * Reference Desk, with 100,000 librarians over 200 servers stored in `database`, against a bare discord.js bot, in
 * `runs` rounds; each round starts a fresh process of each on a fresh emulator, the order flipped
 * every round. Figures: start-up to IDENTIFY, RSS
 * after the first answer, and bursts of `burst` `/questions academic` (ours) or `/ping` (bare).
 * Ratios are the median of the rounds' ratios, ours to bare: on a shared machine the load changes
 * from second to second, and within a round the two ran side by side.
 */
export async function benchStartup(database: Database, runs = 7, burst = 1000, batch = 50) {
  const rounds: Record<BotKind, Figures>[] = [];
  for (let i = 0; i < runs; i++) {
    const order: BotKind[] = i % 2 === 0 ? ["ping", "reference-desk"] : ["reference-desk", "ping"];
    rounds.push(await runRound(database, order, burst, batch));
  }
  const figure = (kind: BotKind, name: keyof Figures, digits = 0) =>
    spread(
      rounds.map((r) => r[kind][name]),
      digits,
    );
  const compare = (name: keyof Figures, how: (ours: number, bare: number) => number) =>
    spread(
      rounds.map((r) => how(r["reference-desk"][name], r.ping[name])),
      2,
    );
  const ratio = (ours: number, bare: number) => ours / bare;
  return {
    rounds: `${runs}; each figure is a median (min–max)`,
    runtime: BOT_RUNTIME,
    "start → IDENTIFY ms, ours": figure("reference-desk", "identifyMs"),
    "start → IDENTIFY ms, bare": figure("ping", "identifyMs"),
    "  ratio (goal ≤ 1.3)": compare("identifyMs", ratio),
    "CPU time to ready ms, ours": figure("reference-desk", "cpuToReadyMs"),
    "CPU time to ready ms, bare": figure("ping", "cpuToReadyMs"),
    "  ratio (steadier under load; no goal)": compare("cpuToReadyMs", ratio),
    "RSS at first answer MiB, ours": figure("reference-desk", "rssMiB", 1),
    "RSS at first answer MiB, bare": figure("ping", "rssMiB", 1),
    "  difference MiB (goal ≤ 30)": compare("rssMiB", (ours, bare) => ours - bare),
    [`burst of ${burst}, per s, /questions (ours)`]: figure("reference-desk", "perSecond"),
    [`burst of ${burst}, per s, /ping (bare)`]: figure("ping", "perSecond"),
    "  ratio (goal ≥ 0.9)": compare("perSecond", ratio),
    "second burst per s, ours": figure("reference-desk", "warmPerSecond"),
    "second burst per s, bare": figure("ping", "warmPerSecond"),
    "  ratio (warmed up, no goal)": compare("warmPerSecond", ratio),
    "bursts sent in batches of": `${batch}, one batch to each bot in turn`,
  };
}
