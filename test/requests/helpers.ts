import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { MentorTerms } from "../../src/domain/requests/demand.js";
import { type RequestLimit, RequestRefused } from "../../src/domain/requests/refusal.js";
import type { NewRequestInput } from "../../src/domain/requests/request.js";
import { createRequests, type Requests } from "../../src/domain/requests/requests.js";
import { SettingsService } from "../../src/domain/settings/service.js";
import { type ErrorLogger, TimerScheduler } from "../../src/domain/timers/scheduler.js";
import { createStore, type Store } from "../../src/store/store.js";

export const GUILD = "guild-1";
export const DAY = 86_400_000;
export const EXPIRY_MS = 7 * DAY;
export const NUDGE_MS = 3 * DAY;
export const CLOSE_MS = 14 * DAY;
export const NOTE = "I would like to hear how you moved from circulation into instruction.";
export const TERMS: MentorTerms = { formats: ["video", "phone"], monthlyCapacity: 10 };

export function requestInput(
  seekerId: string,
  mentorId: string,
  extra: Partial<NewRequestInput> = {},
): NewRequestInput {
  return {
    guildId: GUILD,
    seekerId,
    seekerName: `Seeker ${seekerId}`,
    mentorId,
    libraryType: "academic",
    note: NOTE,
    format: "video",
    ...extra,
  };
}

/** A temporary directory for sqlite files, removed by `cleanup`. */
export function tempDir(): { file: (name: string) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "rd-requests-"));
  return {
    file: (name) => `sqlite://${join(dir, name)}`,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface Fixture {
  store: Store;
  settings: SettingsService;
  timers: TimerScheduler;
  requests: Requests;
  clock: { now: number };
  logger: ErrorLogger & { errors: { obj: object; msg: string }[] };
}

export const recordingLogger = (): Fixture["logger"] => {
  const errors: { obj: object; msg: string }[] = [];
  return { errors, error: (obj, msg) => errors.push({ obj, msg }) };
};

/** A loaded service on `url` whose clock the test moves; its scheduler saves timers but is not started. */
export async function fixture(url = "memory://", now = Date.UTC(2025, 2, 10, 12)): Promise<Fixture> {
  const store = await createStore({ url });
  const clock = { now };
  const logger = recordingLogger();
  const settings = new SettingsService(store);
  await settings.load();
  const timers = new TimerScheduler(store, { logger, clock: () => clock.now });
  const requests = createRequests({
    store,
    settings,
    timers,
    logger,
    requestExpiryMs: EXPIRY_MS,
    firstContactNudgeMs: NUDGE_MS,
    unscheduledCloseMs: CLOSE_MS,
    clock: () => clock.now,
  });
  await requests.load();
  return { store, settings, timers, requests, clock, logger };
}

/** The message of the error `promise` rejects with. */
export async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  }
  throw new Error("expected a refusal, but it succeeded");
}

/** The limit a refused request names; any other outcome fails the test. */
export async function limitOf(promise: Promise<unknown>): Promise<RequestLimit> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RequestRefused) return error.limit;
    throw error;
  }
  throw new Error("expected a refusal, but it succeeded");
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
