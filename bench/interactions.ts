import { PING_COMMAND } from "../emulator/bare-ping-bot.js";
import { DiscordEmulator } from "../emulator/index.js";
import { deployCommands } from "../src/core/deploy.js";
import { loadCommands } from "../src/core/loader.js";
import { BOT_RUNTIME, type BotKind, type BotProcess, startBotProcess, stopBotProcess } from "./bots.js";
import { quantile, round } from "./stats.js";

export interface RoundTrips {
  p50Ms: number;
  p99Ms: number;
}

/** Times `count` sequential slash-command round trips: from sending the interaction to seeing the reply. */
export async function timeCommand(
  emulator: DiscordEmulator,
  name: string,
  options: Record<string, string>,
  count: number,
): Promise<number[]> {
  const seed = emulator.seed;
  if (!seed) throw new Error("seed the emulator");
  const actor = emulator.as(seed.members.seeker, { guildId: seed.guildId });
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await actor.command(name, options).reply(10_000);
    times.push(performance.now() - started);
  }
  return times;
}

/** Registers the bot's slash commands in one of the emulator's servers: /ping for the bare bot, ours for ours. */
export async function deployBotCommands(
  kind: BotKind,
  emulator: DiscordEmulator,
  guildId: string,
): Promise<void> {
  const definitions =
    kind === "ping"
      ? [{ data: { name: "ping", toJSON: () => PING_COMMAND } }]
      : [...(await loadCommands()).values()];
  await deployCommands(definitions as never, {
    token: emulator.botToken,
    clientId: emulator.applicationId,
    guildId,
    apiUrl: emulator.apiUrl,
  });
}

export interface Subject {
  emulator: DiscordEmulator;
  bot: BotProcess;
  command: string;
  options: Record<string, string>;
  times: number[];
}

export async function startSubject(
  kind: BotKind,
  command: string,
  options: Record<string, string>,
  /** Ours: fills the store before the bot starts and resolves to its URL. The bare bot: its answer. */
  prepare?: (guildId: string) => Promise<string>,
): Promise<Subject> {
  const emulator = await DiscordEmulator.start({ seed: true, interactionAckDeadlineMs: 0 });
  const last = prepare ? await prepare(emulator.seed?.guildId ?? "") : "";
  await deployBotCommands(kind, emulator, emulator.seed?.guildId ?? "");
  const bot = await startBotProcess(emulator, kind, last);
  return { emulator, bot, command, options, times: [] };
}

/** The message data of the last interaction response the bot sent. */
function lastAnswer(emulator: DiscordEmulator): unknown {
  const callback = emulator.requests.findLast((request) => request.path.endsWith("/callback"));
  return (callback?.body as { data?: unknown } | undefined)?.data;
}

export async function stopSubject(subject: Subject): Promise<void> {
  await stopBotProcess(subject.bot.child);
  await subject.emulator.stop();
}

const summary = (subject: Subject): RoundTrips => ({
  p50Ms: round(quantile(subject.times, 0.5), 3),
  p99Ms: round(quantile(subject.times, 0.99), 3),
});

export interface Contest {
  command: string;
  options: Record<string, string>;
  prepare?: (guildId: string) => Promise<string>;
  /** What `prepare` stored, for the output. */
  stored?: string;
  /**
   * Also time a bare bot sending the answer ours sent, word for word: what ours adds beyond the
   * cost of sending (and Discord receiving) that much. The p50 goal is then against it.
   */
  sameAnswer?: { p50Goal: number };
}

async function warmUp(subject: Subject): Promise<void> {
  await timeCommand(subject.emulator, subject.command, subject.options, 300);
}

const PING_P50_GOAL = 1.2;

/**
 * A bare discord.js bot answering /ping against ours answering `contest`, each in its own process on
 * its own emulator, warmed up, then measured in turn.
 */
export async function benchInteractions(
  count = 1000,
  contest: Contest = { command: "questions", options: { "library-type": "academic" } },
) {
  const ping = await startSubject("ping", "ping", {});
  const ours = await startSubject("reference-desk", contest.command, contest.options, contest.prepare);
  const subjects = [ping, ours];
  try {
    await warmUp(ping);
    await warmUp(ours);
    if (contest.sameAnswer) {
      const answer = JSON.stringify(lastAnswer(ours.emulator));
      const same = await startSubject("ping", "ping", {}, async () => answer);
      subjects.push(same);
      await warmUp(same);
    }
    // One of each in turn, the order reversed every time, so load drift and ordering fall on all alike.
    for (let i = 0; i < count; i++) {
      for (const subject of i % 2 === 0 ? subjects : [...subjects].reverse()) {
        subject.times.push(...(await timeCommand(subject.emulator, subject.command, subject.options, 1)));
      }
    }
  } finally {
    for (const subject of subjects) await stopSubject(subject);
  }
  const [baseline, measured, same] = subjects.map(summary) as [RoundTrips, RoundTrips, RoundTrips?];
  const name = `/${contest.command}`;
  const both = (figures: RoundTrips) => `${figures.p50Ms} / ${figures.p99Ms}`;
  const ratios = (figures: RoundTrips) =>
    `${round(measured.p50Ms / figures.p50Ms)} / ${round(measured.p99Ms / figures.p99Ms)}`;
  return {
    ...(contest.stored && { stored: contest.stored }),
    "round trips, each bot": count,
    runtime: BOT_RUNTIME,
    [`${name} p50 / p99 ms`]: both(measured),
    ...(same && {
      "bare bot, same answer p50 / p99 ms": both(same),
      [`  ratio p50 (goal ≤ ${contest.sameAnswer?.p50Goal}) / p99`]: ratios(same),
    }),
    "bare bot, /ping p50 / p99 ms": both(baseline),
    [same ? "  ratio p50 / p99 to /ping" : `  ratio p50 (goal ≤ ${PING_P50_GOAL}) / p99`]: ratios(baseline),
  };
}
