import { type ChildProcess, execFileSync, fork } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import type { DiscordEmulator } from "../emulator/index.js";

export type BotKind = "ping" | "reference-desk";

const TSC = fileURLToPath(new URL("../node_modules/typescript/bin/tsc", import.meta.url));
const TSCONFIG = fileURLToPath(new URL("./tsconfig.json", import.meta.url));
const BOT_PROCESS = fileURLToPath(new URL("../dist/bench/bench/bot-process.js", import.meta.url));

/** How every bot process runs; the suites print it beside their figures. */
export const BOT_RUNTIME = "both bots run as JavaScript compiled by tsc (dist/bench/), not through tsx";

/**
 * Compiles bench/bot-process.ts with src/ to plain JavaScript, so that neither bot pays for
 * transpiling TypeScript while it starts (tsx would charge ours for ~100 files and the bare bot for 2).
 */
export function compileBots(): void {
  execFileSync(process.execPath, [TSC, "-p", TSCONFIG], { stdio: "inherit" });
}

export interface BotProcess {
  child: ChildProcess;
  /** Date.now() just before the fork, to compare with the emulator's gateway session `identifiedAt`. */
  forkedAt: number;
  rssBytes: number;
  startupMs: number;
  /** CPU time (user and system) the process had used when ready: unlike wall time, barely moved by other load. */
  cpuMsAtReady: number;
}

/**
 * Starts a bot in a child process on the emulator; resolves once it is ready, with its RSS. `last`
 * is the store's URL for ours, and for the bare bot an answer to send instead of "Pong" (JSON).
 * Call compileBots() first.
 */
export async function startBotProcess(
  emulator: DiscordEmulator,
  kind: BotKind,
  last = "",
): Promise<BotProcess> {
  const forkedAt = Date.now();
  const started = performance.now();
  const child = fork(BOT_PROCESS, [kind, emulator.apiUrl, emulator.botToken, last], {
    execArgv: process.env.BENCH_BOT_ARGS?.split(" ") ?? [],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const [ready] = (await once(child, "message")) as [{ rssBytes: number; cpuMs: number }];
  const startupMs = performance.now() - started;
  return { child, forkedAt, rssBytes: ready.rssBytes, startupMs, cpuMsAtReady: ready.cpuMs };
}

/** The bot process's resident set size now. */
export async function rssOf(child: ChildProcess): Promise<number> {
  const answer = once(child, "message") as Promise<[{ rssBytes: number }]>;
  child.send("rss");
  return (await answer)[0].rssBytes;
}

export async function stopBotProcess(child: ChildProcess): Promise<void> {
  child.disconnect();
  await once(child, "exit");
}
