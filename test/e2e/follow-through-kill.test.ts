import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { DiscordEmulator } from "../../emulator/index.js";
import type { InterviewRequest } from "../../src/domain/requests/index.js";
import { meetingReminderKey } from "../../src/domain/timers/kinds.js";
import { createStore, guildKey } from "../../src/store/store.js";
import { acceptedRequest, confirmTime, isQuestion, isReminder } from "../support/follow-through.js";
import { startTestBot, type TestBot } from "../support/harness.js";
import { customIdOf } from "../support/messages.js";
import { killAll, startBotProcess } from "../support/process.js";
import { listLibrarian, sleep } from "../support/requests.js";

// The bot runs as its own process, is killed (SIGKILL) the moment Discord stored the first reminder
// (before it could save that it was sent), and starts again: each reminder still goes out once.

let emulator: DiscordEmulator;
let dataDir: string;
let bot: TestBot | undefined;
const children = new Set<ChildProcess>();

beforeAll(async () => {
  emulator = await DiscordEmulator.start({ seed: true });
  dataDir = mkdtempSync(join(tmpdir(), "rd-meetings-kill-"));
});
afterEach(async () => {
  await bot?.stop({ keepEmulator: true });
  bot = undefined;
  await killAll(children);
});
afterAll(async () => {
  await emulator?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const seed = () => {
  if (!emulator.seed) throw new Error("the emulator has no seed");
  return emulator.seed;
};

describe("meeting reminders across kill -9", () => {
  it("sends the reminders at two leads once each, with a kill -9 between them", async () => {
    const env = {
      DATABASE_URL: `sqlite://${join(dataDir, "reminders.sqlite")}`,
      REQUEST_EXPIRY: "1h",
      MEETING_REMINDERS: "8s,3s",
      ATTENDANCE_CHECK: "1h",
      FIRST_CONTACT_NUDGE: "1h",
      UNSCHEDULED_CLOSE: "1h",
    };
    // Set up in this process: a librarian, an accepted request in a thread, a time agreed 14 s ahead.
    const seeding = await startTestBot({ emulator, env });
    let request: InterviewRequest;
    try {
      await seeding.bot.context.services.settings.update(seed().guildId, {
        mentoringChannelId: seed().channels.mentoring,
        logChannelId: seed().channels.modLog,
      });
      const librarian = emulator.addMember(seed().guildId, {
        username: "casey-kill",
        globalName: "Casey",
      }).userId;
      const seeker = emulator.addMember(seed().guildId, {
        username: "jordan-kill",
        globalName: "Jordan",
      }).userId;
      await listLibrarian(seeding, librarian);
      request = await confirmTime(
        seeding,
        await acceptedRequest(seeding, seeker, librarian, "Casey"),
        Date.now() + 14_000,
      );
    } finally {
      await seeding.stop({ keepEmulator: true });
    }
    const reminders = () => emulator.channelMessages(request.threadId ?? "").filter(isReminder);
    expect(request.threadId).toBeDefined();

    const running = await startBotProcess({
      DISCORD_TOKEN: emulator.botToken,
      DISCORD_API_URL: emulator.apiUrl,
      ...env,
    });
    children.add(running.child);
    const exited = once(running.child, "exit");
    await new Promise<void>((resolve, reject) => {
      const giveUp = setTimeout(() => {
        emulator.state.off("change", onChange);
        reject(new Error("no first reminder within 20 s"));
      }, 20_000);
      const onChange = () => {
        if (reminders().length === 0) return;
        emulator.state.off("change", onChange);
        clearTimeout(giveUp);
        running.child.kill("SIGKILL");
        resolve();
      };
      emulator.state.on("change", onChange);
      onChange();
    });
    await exited;
    expect(running.child.signalCode).toBe("SIGKILL");
    expect(reminders()).toHaveLength(1);
    // Killed before it saved the reminder as sent: its timer is still there, to run again.
    const store = await createStore({ url: env.DATABASE_URL });
    const left = await store.get<InterviewRequest>(guildKey(seed().guildId, "request", request.id));
    const timer = await store.get(`timer/${meetingReminderKey(seed().guildId, request.id, 1, 8000)}`);
    await store.close();
    expect(left?.meeting?.remindersSent ?? []).not.toContain(3000);
    if (left?.meeting?.remindersSent === undefined) expect(timer).toBeDefined();

    // Back at once: the first reminder's timer runs again (its nonce drops the repeat), the second comes on time.
    bot = await startTestBot({ emulator, env });
    const restarted = bot;
    await emulator.waitUntil(() => reminders().length === 2, 20_000, "the second reminder");
    await vi.waitFor(
      () =>
        expect(
          restarted.bot.context.services.requests.records.get(seed().guildId, request.id)?.meeting
            ?.remindersSent,
        ).toEqual([8000, 3000]),
      { timeout: 5000 },
    );
    await sleep(1000);
    expect(reminders()).toHaveLength(2);
    expect(restarted.logs.filter((line) => Number(line.level) >= 50)).toEqual([]);
  }, 60_000);

  it("records a no-show and tells the moderators after a kill -9 right after the answer was saved", async () => {
    const env = {
      DATABASE_URL: `sqlite://${join(dataDir, "no-show.sqlite")}`,
      REQUEST_EXPIRY: "1h",
      MEETING_REMINDERS: "1h",
      ATTENDANCE_CHECK: "1s",
      FIRST_CONTACT_NUDGE: "1h",
      UNSCHEDULED_CLOSE: "1h",
    };
    const seeding = await startTestBot({ emulator, env });
    let request: InterviewRequest;
    const librarian = emulator.addMember(seed().guildId, {
      username: "robin-kill",
      globalName: "Robin",
    }).userId;
    const seeker = emulator.addMember(seed().guildId, { username: "lee-kill", globalName: "Lee" }).userId;
    try {
      await seeding.bot.context.services.settings.update(seed().guildId, {
        mentoringChannelId: seed().channels.mentoring,
        logChannelId: seed().channels.modLog,
      });
      await listLibrarian(seeding, librarian, { displayName: "Robin" });
      request = await confirmTime(
        seeding,
        await acceptedRequest(seeding, seeker, librarian, "Robin"),
        Date.now(),
      );
    } finally {
      await seeding.stop({ keepEmulator: true });
    }
    const running = await startBotProcess({
      DISCORD_TOKEN: emulator.botToken,
      DISCORD_API_URL: emulator.apiUrl,
      ...env,
    });
    children.add(running.child);
    const question = await emulator.waitForMessage(
      (m) => m.channel_id === request.threadId && isQuestion(m),
      15_000,
    );
    const lines = () =>
      emulator
        .channelMessages(seed().channels.modLog)
        .filter((m) => m.content.includes(`request ${request.id}`));
    // The answer is saved with the no-show it owes; the bot dies as it posts the moderators' line.
    const hold = emulator.hold("POST", new RegExp(`^/channels/${seed().channels.modLog}/messages$`));
    const answered = await emulator
      .as(seeker, { guildId: seed().guildId })
      .click(question, customIdOf(question, "They didn't come"))
      .reply();
    expect(answered.content).toMatch(/I'm sorry they didn't come/);
    await hold.reached;
    const exited = once(running.child, "exit");
    running.child.kill("SIGKILL");
    await exited;
    hold.release();
    expect(lines()).toHaveLength(0);

    bot = await startTestBot({ emulator, env });
    const restarted = bot;
    await emulator.waitUntil(() => lines().length === 1, 15_000, "the no-show line after the restart");
    expect(lines()[0]?.content).toContain(`<@${seeker}> said <@${librarian}> didn't come`);
    const record = await restarted.bot.context.services.followThrough.noShows.get(seed().guildId, librarian);
    expect(record?.entries.map((entry) => entry.requestId)).toEqual([request.id]);
    await vi.waitFor(() =>
      expect(
        restarted.bot.context.services.requests.records.get(seed().guildId, request.id)?.effects,
      ).toBeUndefined(),
    );
    await sleep(500);
    expect(lines()).toHaveLength(1);
  }, 60_000);
});
