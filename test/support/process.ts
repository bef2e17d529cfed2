import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";

export const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));

export interface Running {
  child: ChildProcess;
  output: () => string;
  /** Resolves when the output contains `text`; rejects on exit or after `timeoutMs`. */
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<void>;
  exited: Promise<number | null>;
}

/**
 * Runs a TypeScript entry point of the project in a clean environment plus `env`, as one process
 * (`node --import tsx`, not the tsx CLI, which would run it in a grandchild that signals miss).
 */
export function runScript(script: string, env: Record<string, string>, args: string[] = []): Running {
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: PROJECT_ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let output = "";
  const listeners = new Set<() => void>();
  const append = (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    child,
    output: () => output,
    exited,
    waitFor(text, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const matches = () => (typeof text === "string" ? output.includes(text) : text.test(output));
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`timed out waiting for ${text}; output so far:\n${output}`));
        }, timeoutMs);
        const check = () => {
          if (!matches()) return;
          clearTimeout(timer);
          listeners.delete(check);
          resolve();
        };
        listeners.add(check);
        void exited.then(() => {
          if (!matches()) {
            clearTimeout(timer);
            reject(new Error(`exited before ${text}; output:\n${output}`));
          }
        });
        check();
      });
    },
  };
}

/** The bot itself (`src/index.ts`) as a process; resolves once it logged "ready". */
export async function startBotProcess(env: Record<string, string>): Promise<Running> {
  const running = runScript("src/index.ts", env);
  try {
    await running.waitFor('"msg":"ready"');
  } catch (error) {
    running.child.kill("SIGKILL");
    throw error;
  }
  return running;
}

/** SIGKILL, and resolves once the process is gone (at once if it already is). */
export async function kill9(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGKILL");
  await exited;
}

/** Kills every process in `children` still running, and forgets them all. */
export async function killAll(children: Set<ChildProcess>): Promise<void> {
  for (const child of children) await kill9(child);
  children.clear();
}
