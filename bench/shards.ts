import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import { type DefaultSeed, DiscordEmulator, snowflakeOnShard } from "../emulator/index.js";
import { BOT_RUNTIME, type BotKind } from "./bots.js";
import type { Database } from "./databases.js";
import { deployBotCommands } from "./interactions.js";
import { spread } from "./startup.js";
import { mebibytes } from "./stats.js";
import { storedLibrarians } from "./stored-librarians.js";

const SHARDS = 2;
/** Each bot's launcher, compiled by compileBots(): ours is the bot's own entry point. */
const LAUNCHERS: Record<BotKind, string> = {
  ping: fileURLToPath(new URL("../dist/bench/bench/bare-shards.js", import.meta.url)),
  "reference-desk": fileURLToPath(new URL("../dist/bench/src/index.js", import.meta.url)),
};
const COMMANDS: Record<BotKind, [string, Record<string, string>]> = {
  ping: ["ping", {}],
  "reference-desk": ["questions", { "library-type": "academic" }],
};

interface Figures {
  /** From starting the launcher to the emulator receiving the last shard's IDENTIFY. */
  allReadyMs: number;
  /** Per shard, from its process being spawned (the launcher's log) to its IDENTIFY. */
  shardReadyMs: number[];
  launcherRssMiB: number;
  /** Per shard, its process's RSS right after it answered its first interaction. */
  shardRssMiB: number[];
}

/** A process's resident set size, from Linux's /proc: the shards are not our children, so we cannot ask them. */
function rssOfPid(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmRSS:\s+(\d+) kB$/m);
  if (!line) throw new Error(`no VmRSS for process ${pid}`);
  return Number(line[1]) * 1024;
}

/** The "shard started" lines of the launcher's log: when and as which process each shard started. */
function shardStarts(log: string): { time: number; shard: number; shardPid: number }[] {
  return log
    .split("\n")
    .filter((line) => line.includes('"msg":"shard started"'))
    .map((line) => JSON.parse(line));
}

async function stopLauncher(launcher: ChildProcess): Promise<void> {
  if (launcher.exitCode !== null) return;
  const exited = once(launcher, "exit");
  launcher.kill("SIGTERM");
  await exited;
}

/**
 * One bot's launcher with SHARD_COUNT=2 on a fresh emulator with two shards and a server on each;
 * ours with 100,000 librarians over 200 servers stored in `database`.
 */
async function runSharded(kind: BotKind, database: Database): Promise<Figures> {
  const emulator = await DiscordEmulator.start({ shards: SHARDS, interactionAckDeadlineMs: 0 });
  let launcher: ChildProcess | undefined;
  try {
    const guilds: DefaultSeed[] = [];
    for (let shard = 0; shard < SHARDS; shard++) {
      guilds.push(emulator.seedDefaultGuild(`Shard ${shard} library`, snowflakeOnShard(shard, SHARDS)));
      await deployBotCommands(kind, emulator, guilds[shard]?.guildId ?? "");
    }
    const databaseUrl =
      kind === "ping"
        ? ""
        : await storedLibrarians(
            database,
            guilds.map((guild) => guild.guildId),
          );
    const startedAt = Date.now();
    launcher = spawn(process.execPath, [...(process.env.BENCH_BOT_ARGS?.split(" ") ?? []), LAUNCHERS[kind]], {
      // Away from the project, so that no .env there changes the bot's settings.
      cwd: tmpdir(),
      env: {
        PATH: process.env.PATH ?? "",
        DISCORD_TOKEN: emulator.botToken,
        DISCORD_API_URL: emulator.apiUrl,
        DATABASE_URL: databaseUrl,
        SHARD_COUNT: String(SHARDS),
        LOG_LEVEL: "info",
      },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let log = "";
    launcher.stdout?.on("data", (chunk: Buffer) => {
      log += chunk.toString();
    });
    const identified = () => emulator.gatewaySessions.filter((session) => session.connected);
    await emulator.waitUntil(() => identified().length === SHARDS, 60_000, "every shard's IDENTIFY");
    const [command, options] = COMMANDS[kind];
    for (const guild of guilds) {
      await emulator
        .as(guild.members.seeker, { guildId: guild.guildId })
        .command(command, options)
        .reply(30_000);
    }
    const starts = shardStarts(log);
    const sessions = identified();
    const identifiedAt = (shard: number) =>
      sessions.find((session) => session.shard[0] === shard)?.identifiedAt.getTime() ?? Number.NaN;
    const shardIds = Array.from({ length: SHARDS }, (_, shard) => shard);
    const startOf = (shard: number) => starts.find((start) => start.shard === shard);
    return {
      allReadyMs: Math.max(...shardIds.map(identifiedAt)) - startedAt,
      shardReadyMs: shardIds.map((shard) => identifiedAt(shard) - (startOf(shard)?.time ?? Number.NaN)),
      launcherRssMiB: mebibytes(rssOfPid(launcher.pid ?? 0)),
      shardRssMiB: shardIds.map((shard) => mebibytes(rssOfPid(startOf(shard)?.shardPid ?? 0))),
    };
  } finally {
    if (launcher) await stopLauncher(launcher);
    await emulator.stop();
  }
}

/**
 * Ours and a bare discord.js bot, each under discord.js's ShardingManager with two shard processes,
 * in `runs` rounds, the order flipped every round. The ShardingManager starts shards 5.5 s apart
 * (Discord's pace for IDENTIFY), so the fair baseline for "all shards ready" is the bare bot started
 * the same way; each shard's own start → IDENTIFY is compared too.
 */
export async function benchShardStartup(database: Database, runs = 3) {
  const rounds: Record<BotKind, Figures>[] = [];
  for (let i = 0; i < runs; i++) {
    const order: BotKind[] = i % 2 === 0 ? ["ping", "reference-desk"] : ["reference-desk", "ping"];
    const round: Partial<Record<BotKind, Figures>> = {};
    for (const kind of order) round[kind] = await runSharded(kind, database);
    rounds.push(round as Record<BotKind, Figures>);
  }
  const figure = (kind: BotKind, value: (figures: Figures) => number, digits = 0) =>
    spread(
      rounds.map((r) => value(r[kind])),
      digits,
    );
  const ratio = (value: (figures: Figures) => number) =>
    spread(
      rounds.map((r) => value(r["reference-desk"]) / value(r.ping)),
      2,
    );
  const difference = (value: (figures: Figures) => number) =>
    spread(
      rounds.map((r) => value(r["reference-desk"]) - value(r.ping)),
      1,
    );
  const perShard = (
    label: string,
    [compared, compare]: [string, typeof ratio],
    value: (figures: Figures, shard: number) => number,
    digits: number,
  ) =>
    Object.fromEntries(
      Array.from({ length: SHARDS }, (_, shard) => [
        [`${label}, shard ${shard}, ours`, figure("reference-desk", (f) => value(f, shard), digits)],
        [`${label}, shard ${shard}, bare`, figure("ping", (f) => value(f, shard), digits)],
        [`  ${compared}, shard ${shard}`, compare((f) => value(f, shard))],
      ]).flat(),
    );
  return {
    rounds: `${runs}; each figure is a median (min–max)`,
    runtime: BOT_RUNTIME,
    shards: `${SHARDS}, one process each under discord.js's ShardingManager (SHARD_COUNT=${SHARDS})`,
    "launcher start → last IDENTIFY ms, ours": figure("reference-desk", (f) => f.allReadyMs),
    "launcher start → last IDENTIFY ms, bare": figure("ping", (f) => f.allReadyMs),
    "  ratio (goal ≤ 1.3)": ratio((f) => f.allReadyMs),
    ...perShard(
      "shard's start → IDENTIFY ms",
      ["ratio (goal ≤ 1.3)", ratio],
      (f, shard) => f.shardReadyMs[shard] ?? Number.NaN,
      0,
    ),
    "launcher RSS MiB, ours": figure("reference-desk", (f) => f.launcherRssMiB, 1),
    "launcher RSS MiB, bare": figure("ping", (f) => f.launcherRssMiB, 1),
    ...perShard(
      "RSS at first answer MiB",
      ["difference MiB (goal ≤ 30)", difference],
      (f, shard) => f.shardRssMiB[shard] ?? Number.NaN,
      1,
    ),
  };
}
