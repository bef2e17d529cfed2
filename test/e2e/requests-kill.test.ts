import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { DiscordEmulator, type StoredMessage } from "../../emulator/index.js";
import type { MentorProfile } from "../../src/domain/mentors/index.js";
import type { InterviewRequest } from "../../src/domain/requests/index.js";
import { mentorUnpauseKey, requestExpiryKey, type TimerRecord } from "../../src/domain/timers/index.js";
import { createStore, guildKey } from "../../src/store/store.js";
import { startTestBot, type TestBot } from "../support/harness.js";
import { customIdOf } from "../support/messages.js";
import { kill9, killAll, startBotProcess as startBot } from "../support/process.js";
import { listLibrarian, NOTE, sleep } from "../support/requests.js";

const WAIT = { timeout: 15_000, interval: 50 };
const EXPIRED = "expired without an answer";

let emulator: DiscordEmulator;
let dataDir: string;
/** The in-process bot running now, stopped after each test. */
let bot: TestBot | undefined;
/** Every bot process started here; any still running is killed after each test and at the end. */
const children = new Set<ChildProcess>();

beforeAll(async () => {
  emulator = await DiscordEmulator.start({ seed: true });
  dataDir = mkdtempSync(join(tmpdir(), "rd-requests-kill-"));
});
afterEach(async () => {
  await bot?.stop({ keepEmulator: true });
  bot = undefined;
  await killAll(children);
});
afterAll(async () => {
  await killAll(children);
  await emulator?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const seed = () => {
  if (!emulator.seed) throw new Error("the emulator has no seed");
  return emulator.seed;
};
const guildId = () => seed().guildId;
const librarian = () => seed().members.librarian;

let members = 0;
const newSeeker = (name: string): string => {
  members++;
  return emulator.addMember(guildId(), { username: `${name.toLowerCase()}-kill${members}`, globalName: name })
    .userId;
};

const expiredNotices = (seekerId: string): StoredMessage[] =>
  emulator.dmMessages(seekerId).filter((message) => message.content.includes(EXPIRED));

const botEnv = (file: string) => ({
  DATABASE_URL: `sqlite://${join(dataDir, file)}`,
  REQUEST_EXPIRY: "6s",
  FIRST_CONTACT_NUDGE: "1h",
});

/** A bot run in this process that lists the librarian in `env`'s file, then stops cleanly. */
async function seedLibrarian(env: Record<string, string>): Promise<void> {
  const seeding = await startTestBot({ emulator, env });
  try {
    await listLibrarian(seeding, librarian());
  } finally {
    await seeding.stop({ keepEmulator: true });
  }
}

/** The bot as its own process, so a SIGKILL reaches the bot itself. */
async function startBotProcess(env: Record<string, string>): Promise<ChildProcess> {
  const { child } = await startBot({
    DISCORD_TOKEN: emulator.botToken,
    DISCORD_API_URL: emulator.apiUrl,
    ...env,
  });
  children.add(child);
  return child;
}

/** SIGKILL, and resolves once the process is gone. */
async function killed(child: ChildProcess): Promise<void> {
  await kill9(child);
  expect(child.signalCode).toBe("SIGKILL");
}

/** The seeker asks Casey through Discord (search, Ask, the form), whichever bot is connected. */
async function askCasey(seekerId: string): Promise<void> {
  const seeker = emulator.as(seekerId, { guildId: guildId() });
  const results = await seeker.command("findmentor", { "library-type": "academic" }).reply();
  const modal = await seeker.click(results, customIdOf(results, "Ask Casey")).modal();
  const reply = await seeker
    .submitModal(modal.custom_id, { note: NOTE, format: "video", availability: "" })
    .reply();
  expect(reply.content).toMatch(/on its way to \*\*Casey\*\*/);
}

interface Saved {
  request: InterviewRequest;
  timer: TimerRecord | undefined;
}

/** What the sqlite file holds about each seeker's request to the librarian, read with a store of our own. */
async function savedRequests(env: { DATABASE_URL: string }, seekerIds: string[]): Promise<Saved[]> {
  const store = await createStore({ url: env.DATABASE_URL });
  try {
    const all: InterviewRequest[] = [];
    for await (const [, request] of store.entries<InterviewRequest>(guildKey(guildId(), "request"))) {
      all.push(request);
    }
    return await Promise.all(
      seekerIds.map(async (seekerId) => {
        const mine = all.filter((each) => each.seekerId === seekerId && each.mentorId === librarian());
        expect(mine, `requests saved for ${seekerId}`).toHaveLength(1);
        const request = mine[0] as InterviewRequest;
        const timer = await store.get<TimerRecord>(`timer/${requestExpiryKey(guildId(), request.id)}`);
        return { request, timer };
      }),
    );
  } finally {
    await store.close();
  }
}

/** Resolves once `running`'s scheduler no longer holds the expiry timer of `request`. */
const timerGone = (running: TestBot, request: InterviewRequest) =>
  vi.waitFor(async () => {
    expect(await running.bot.context.services.timers.get(requestExpiryKey(guildId(), request.id))).toBe(
      undefined,
    );
  }, WAIT);

const errorsIn = (running: TestBot) => running.logs.filter((line) => Number(line.level) >= 50);

describe("request expiry timers across kill -9", () => {
  it("runs expiries that were pending when the bot was killed, each once, after a restart", async () => {
    const env = botEnv("pending.sqlite");
    await seedLibrarian(env);
    const child = await startBotProcess(env);

    const early = newSeeker("Jordan");
    const late = newSeeker("Sam");
    await askCasey(early);
    await sleep(3000);
    await askCasey(late);
    await killed(child);

    // The killed process saved both requests and their timers, and expired neither.
    const [first, second] = await savedRequests(env, [early, late]);
    if (!first || !second) throw new Error("savedRequests answers one entry per seeker");
    for (const { request, timer } of [first, second]) {
      expect(request.state).toBe("pending");
      expect(timer).toMatchObject({ kind: "request-expiry", dueAt: request.expiresAt, attempts: 0 });
    }
    expect(expiredNotices(early)).toHaveLength(0);
    expect(expiredNotices(late)).toHaveLength(0);

    // Down (killed) while the first falls due; the second may or may not be due at the restart.
    await sleep(Math.max(0, first.request.expiresAt - Date.now() + 300));
    bot = await startTestBot({ emulator, env });
    const requests = bot.bot.context.services.requests;

    await emulator.waitUntil(() => expiredNotices(early).length === 1, WAIT.timeout, "the overdue expiry");
    await emulator.waitUntil(() => expiredNotices(late).length === 1, WAIT.timeout, "the second expiry");
    await timerGone(bot, first.request);
    await timerGone(bot, second.request);
    expect(requests.records.get(guildId(), first.request.id)?.state).toBe("expired");
    expect(requests.records.get(guildId(), second.request.id)?.state).toBe("expired");
    // Not early either: the notice went out once the request was due.
    const lateNotice = expiredNotices(late)[0] as StoredMessage;
    expect(Date.parse(lateNotice.timestamp)).toBeGreaterThanOrEqual(second.request.expiresAt);

    await sleep(1000);
    expect(expiredNotices(early)).toHaveLength(1);
    expect(expiredNotices(late)).toHaveLength(1);
    expect(errorsIn(bot)).toEqual([]);
  }, 60_000);

  it("after a kill once the expiry acted but before its timer was deleted, runs it again as a no-op", async () => {
    const env = { ...botEnv("acted.sqlite"), REQUEST_EXPIRY: "3s" };
    await seedLibrarian(env);
    const child = await startBotProcess(env);
    const exited = once(child, "exit");
    const seeker = newSeeker("Riley");

    // Killed the moment Discord has stored the seeker's notice: the handler has acted, and the bot
    // does not even have Discord's answer yet.
    const killed = new Promise<void>((resolve, reject) => {
      const giveUp = setTimeout(() => {
        emulator.state.off("change", onChange);
        reject(new Error("no expiry notice to the seeker within 20 s"));
      }, 20_000);
      const onChange = () => {
        if (expiredNotices(seeker).length === 0) return;
        emulator.state.off("change", onChange);
        clearTimeout(giveUp);
        child.kill("SIGKILL");
        resolve();
      };
      emulator.state.on("change", onChange);
    });
    await askCasey(seeker);
    const [pending] = await savedRequests(env, [seeker]);
    if (!pending?.timer) throw new Error("the expiry timer was not saved with the request");
    expect(pending.request.state).toBe("pending");
    await killed;
    await exited;
    expect(child.signalCode).toBe("SIGKILL");
    expect(expiredNotices(seeker)).toHaveLength(1);
    const dmsAtKill = emulator.dmMessages(seeker).length;

    // The expiry was saved before the notice went out.
    const [acted] = await savedRequests(env, [seeker]);
    expect(acted?.request.state).toBe("expired");
    // The request service deletes the expiry timer itself as the request leaves "pending" (without
    // waiting), so by the time of the notice it is usually gone already. A kill between saving
    // "expired" and that deletion leaves the timer saved: put it back exactly as the bot saved it.
    const store = await createStore({ url: env.DATABASE_URL });
    await store.set(`timer/${pending.timer.key}`, pending.timer);
    await store.close();

    bot = await startTestBot({ emulator, env });
    // The restarted bot ran the overdue timer (it is deleted only once its handler succeeded)...
    await timerGone(bot, pending.request);
    expect(bot.bot.context.services.requests.records.get(guildId(), pending.request.id)?.state).toBe(
      "expired",
    );

    // ...and the state machine made that run a no-op: no second notice, nothing else to the seeker.
    await sleep(1000);
    expect(expiredNotices(seeker)).toHaveLength(1);
    expect(emulator.dmMessages(seeker)).toHaveLength(dmsAtKill);
    expect(errorsIn(bot)).toEqual([]);
  }, 60_000);
});

describe("the mentor-unpause timer across kill -9", () => {
  const pauseOver = () =>
    emulator
      .dmMessages(librarian())
      .filter((message) => /Your pause on \*\*.+\*\* is over/.test(message.content));
  const findCasey = async () =>
    (
      await emulator
        .as(newSeeker("Quinn"), { guildId: guildId() })
        .command("findmentor", { "library-type": "academic" })
        .reply()
    ).embeds.map((embed) => embed.author?.name);

  it("ends a timed pause after a restart past its end: listed again and told so, once", async () => {
    const env = botEnv("pause.sqlite");
    await seedLibrarian(env);
    const child = await startBotProcess(env);
    const paused = await emulator
      .as(librarian(), { guildId: guildId() })
      .command("mentor", { subcommand: "pause", options: { days: 1 } })
      .reply();
    expect(paused.content).toMatch(/^Paused\. You are paused until/);
    expect(await findCasey()).toEqual([]);
    await killed(child);

    const store = await createStore({ url: env.DATABASE_URL });
    const profile = await store.get<MentorProfile>(guildKey(guildId(), "mentor", librarian()));
    const timer = await store.get<TimerRecord>(`timer/${mentorUnpauseKey(guildId(), librarian())}`);
    await store.close();
    const pausedUntil = profile?.pausedUntil;
    if (pausedUntil === undefined) throw new Error("the pause was not saved with an end");
    expect(timer).toMatchObject({
      kind: "mentor-unpause",
      dueAt: pausedUntil,
      payload: { guildId: guildId(), mentorId: librarian() },
    });

    // Back a minute after the pause ended (by the bot's clock: a day is too long to wait).
    const offsetMs = pausedUntil + 60_000 - Date.now();
    const restarted = await startTestBot({ emulator, env, clock: () => Date.now() + offsetMs });
    bot = restarted;
    await emulator.waitUntil(() => pauseOver().length === 1, WAIT.timeout, "the end-of-pause DM");
    expect(pauseOver()[0]?.content).toMatch(/seekers can find you and ask you again/);
    await vi.waitFor(async () => {
      expect(await restarted.bot.context.services.timers.get(mentorUnpauseKey(guildId(), librarian()))).toBe(
        undefined,
      );
    }, WAIT);
    // The handler's own effect (search alone would list them again once pausedUntil passed): the
    // pause is gone from the profile.
    const resumed = restarted.bot.context.services.mentors.get(guildId(), librarian());
    expect(resumed?.pausedAt).toBeUndefined();
    expect(resumed?.pausedUntil).toBeUndefined();
    expect(await findCasey()).toEqual(["Casey"]);

    await sleep(1000);
    expect(pauseOver()).toHaveLength(1);
    expect(errorsIn(restarted)).toEqual([]);
  }, 60_000);
});
