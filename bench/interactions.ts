import { PING_COMMAND } from "../emulator/bare-ping-bot.js";
import { DiscordEmulator } from "../emulator/index.js";
import { deployCommands } from "../src/core/deploy.js";
import { loadCommands } from "../src/core/loader.js";
import { type BotKind, type BotProcess, startBotProcess, stopBotProcess } from "./bots.js";
import { mebibytes, quantile, round } from "./stats.js";

export interface RoundTrips {
  p50Ms: number;
  p99Ms: number;
  rssAtReadyMiB: number;
  startupMs: number;
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
  const definitions =
    kind === "ping"
      ? [{ data: { name: "ping", toJSON: () => PING_COMMAND } }]
      : [...(await loadCommands()).values()];
  await deployCommands(definitions as never, {
    token: emulator.botToken,
    clientId: emulator.applicationId,
    guildId: emulator.seed?.guildId,
    apiUrl: emulator.apiUrl,
  });
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
  rssAtReadyMiB: mebibytes(subject.bot.rssBytes),
  startupMs: round(subject.bot.startupMs, 0),
});

export interface Contest {
  command: string;
  options: Record<string, string>;
  prepare?: (guildId: string) => Promise<string>;
  /**
   * Also time a bare bot sending the answer ours sent, word for word: what ours adds beyond the
   * cost of sending (and Discord receiving) that much.
   */
  sameAnswer?: boolean;
}

async function warmUp(subject: Subject): Promise<void> {
  await timeCommand(subject.emulator, subject.command, subject.options, 300);
}

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
  return {
    interactions: count,
    "ping p50 ms": baseline.p50Ms,
    "ping p99 ms": baseline.p99Ms,
    [`${name} p50 ms`]: measured.p50Ms,
    [`${name} p99 ms`]: measured.p99Ms,
    "ratio p50 (goal ≤ 1.2)": round(measured.p50Ms / baseline.p50Ms),
    "ratio p99": round(measured.p99Ms / baseline.p99Ms),
    ...(same && {
      "bare bot sending the same answer p50 ms": same.p50Ms,
      "ratio p50 to it": round(measured.p50Ms / same.p50Ms),
      "its ratio p50 to ping": round(same.p50Ms / baseline.p50Ms),
    }),
    "ping startup to ready ms": baseline.startupMs,
    "Reference Desk startup to ready ms": measured.startupMs,
    "ping RSS at ready MiB": baseline.rssAtReadyMiB,
    "Reference Desk RSS at ready MiB": measured.rssAtReadyMiB,
  };
}
