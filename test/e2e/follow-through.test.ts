import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { StoredMessage } from "../../emulator/index.js";
import { deleteUserData, exportData } from "../../src/discord/privacy/data.js";
import { acceptedRequest, confirmTime, isQuestion, isReminder, QUESTION } from "../support/follow-through.js";
import { startTestBot, type TestBot } from "../support/harness.js";
import { customIdOf, labelsOf } from "../support/messages.js";
import { actor, ask, clickAsk, listLibrarian, newMember, sleep, waitForDm } from "../support/requests.js";

// Reminders 2 s and 1 s before an agreed start, "did it happen?" 1 s after it. No time agreed:
// nudged after 1 s, closed after 3 s.
let t: TestBot;
const services = () => t.bot.context.services;
const guildId = () => t.seed.guildId;
const logPosts = () => t.emulator.channelMessages(t.seed.channels.modLog);
const inThread = (threadId: string | undefined, match: (message: StoredMessage) => boolean) =>
  t.emulator.channelMessages(threadId ?? "").filter(match);

beforeAll(async () => {
  t = await startTestBot({
    env: {
      REQUEST_EXPIRY: "1h",
      MEETING_REMINDERS: "2s,1s",
      ATTENDANCE_CHECK: "1s",
      FIRST_CONTACT_NUDGE: "1s",
      UNSCHEDULED_CLOSE: "3s",
    },
  });
  await actor(t, t.seed.members.moderator)
    .command("config", {
      "mentoring-channel": t.seed.channels.mentoring,
      "log-channel": t.seed.channels.modLog,
    })
    .reply();
});
afterAll(async () => {
  const errors = t?.logs.filter((line) => Number(line.level) >= 50) ?? [];
  await t?.stop();
  expect(errors).toEqual([]);
});

/** A listed librarian of their own, so one test's pause leaves the others alone. */
async function newLibrarian(name: string): Promise<string> {
  const userId = newMember(t, name);
  await listLibrarian(t, userId, { displayName: name });
  return userId;
}

/** An accepted interview whose agreed time starts in `inMs`. */
async function agreed(seekerId: string, librarianId: string, name: string, inMs = 2500) {
  const request = await acceptedRequest(t, seekerId, librarianId, name);
  return confirmTime(t, request, Date.now() + inMs);
}

/** Waits for the "did it happen?" question of `request` in its thread. */
const questionFor = (threadId: string | undefined) =>
  t.emulator.waitForMessage((m) => m.channel_id === threadId && isQuestion(m), 10_000);

const answer = (userId: string, question: StoredMessage, label: string) =>
  actor(t, userId).click(question, customIdOf(question, label));

describe("an agreed time", () => {
  it("is reminded at each lead in the thread, once each, pinging the two of them", async () => {
    const librarian = await newLibrarian("Harper");
    const seeker = newMember(t, "Jules");
    const request = await agreed(seeker, librarian, "Harper", 4000);
    const reminders = () => inThread(request.threadId, isReminder);
    await t.emulator.waitUntil(() => reminders().length === 2, 8000, "two reminders");
    for (const reminder of reminders()) {
      expect(reminder.content).toMatch(new RegExp(`^⏰ <@${seeker}> <@${librarian}> A reminder`));
      expect(reminder.mentions.map((user) => user.id).sort()).toEqual([seeker, librarian].sort());
    }
    // Saved as sent right after each went out.
    await vi.waitFor(() =>
      expect(services().requests.records.get(guildId(), request.id)?.meeting?.remindersSent).toEqual([
        2000, 1000,
      ]),
    );
    await questionFor(request.threadId);
    await sleep(500);
    expect(reminders()).toHaveLength(2);
    expect(inThread(request.threadId, isQuestion)).toHaveLength(1);
  });

  it("skips a lead already passed when the time was agreed", async () => {
    const librarian = await newLibrarian("Indigo");
    const seeker = newMember(t, "Kai");
    const request = await agreed(seeker, librarian, "Indigo", 1500);
    await questionFor(request.threadId);
    expect(inThread(request.threadId, isReminder)).toHaveLength(1);
  });
});

describe("did it happen?", () => {
  it("takes answers from the two only; a yes brings the seeker the thank-you and the private rating, once", async () => {
    const librarian = await newLibrarian("Lane");
    const seeker = newMember(t, "Mika");
    const request = await agreed(seeker, librarian, "Lane");
    const question = await questionFor(request.threadId);
    expect(question.content).toContain(QUESTION);
    expect(labelsOf(question)).toEqual(["Yes, we met", "They didn't come", "We moved it"]);

    const stranger = answer(newMember(t, "Noor"), question, "They didn't come");
    expect((await stranger.reply()).content).toBe("Only the two people in this interview can answer this.");
    expect(stranger.ephemeral).toBe(true);

    const byLibrarian = answer(librarian, question, "Yes, we met");
    expect((await byLibrarian.reply()).content).toMatch(/I've sent Mika a thank-you note template/);
    expect(byLibrarian.ephemeral).toBe(true);
    expect(services().requests.records.get(guildId(), request.id)?.state).toBe("met");
    const prompt = await waitForDm(t, seeker, (m) => m.content.includes("Dear [Name],"));
    expect(prompt.content).toMatch(/^\*\*Lane\*\* said your informational interview happened/);
    expect(labelsOf(prompt)).toEqual(["1 · not useful", "2", "3", "4", "5 · very useful"]);

    // The seeker's own yes asks only for the rating, which is private and changed only on confirmation.
    const bySeeker = await answer(seeker, question, "Yes, we met").reply();
    expect(bySeeker.content).not.toContain("Dear [Name],");
    expect(labelsOf(bySeeker)).toContain("1 · not useful");
    const rated = await actor(t, seeker).click(prompt, customIdOf(prompt, "4")).reply();
    expect(rated.content).toMatch(/rated it 4 out of 5/);
    const stray = await actor(t, seeker).click(bySeeker, customIdOf(bySeeker, "1 · not useful")).reply();
    expect(stray.content).toBe("Change your rating from 4 to 1?");
    expect(services().requests.records.get(guildId(), request.id)?.feedback?.rating).toBe(4);

    const second = await answer(librarian, question, "They didn't come").reply();
    expect(second.content).toMatch(/You already answered “Yes, we met”/);
    await sleep(300);
    // The prompt (since edited by the rating) is the only one sent.
    expect(
      t.emulator.dmMessages(seeker).filter((m) => m.id === prompt.id || m.content.includes("Dear [Name],")),
    ).toHaveLength(1);
    expect(logPosts().some((post) => post.content.includes(request.id))).toBe(false);
  });

  it("'We moved it' clears the agreed time in front of both, and records no no-show", async () => {
    const librarian = await newLibrarian("Oak");
    const seeker = newMember(t, "Pax");
    const request = await agreed(seeker, librarian, "Oak");
    const question = await questionFor(request.threadId);
    const moved = answer(seeker, question, "We moved it");
    expect((await moved.reply()).content).toMatch(/^🔁 Pax says you moved the interview/);
    expect(moved.ephemeral).toBe(false);
    const saved = services().requests.records.get(guildId(), request.id);
    expect(saved?.state).toBe("accepted");
    expect(saved?.meeting?.confirmed).toBeUndefined();
    expect(await services().followThrough.noShows.get(guildId(), librarian)).toBeUndefined();
  });
});

describe("no-shows", () => {
  it("pauses a librarian at the second no-show, tells them why, and a moderator's Forgive lifts it", async () => {
    const librarian = await newLibrarian("Quill");
    const first = newMember(t, "Rae");
    const second = newMember(t, "Sol");
    for (const seeker of [first, second]) {
      const request = await agreed(seeker, librarian, "Quill");
      const question = await questionFor(request.threadId);
      const reply = await answer(seeker, question, "They didn't come").reply();
      expect(reply.content).toMatch(/I'm sorry they didn't come/);
    }
    const told = await waitForDm(t, librarian, (m) => m.content.includes("I paused your librarian listing"));
    expect(told.content).toMatch(/in 2 of your informational interviews in the last 90 days/);
    expect(told.content).toMatch(/`\/mentor resume`/);
    expect(services().mentors.get(guildId(), librarian)?.pausedAt).toBeDefined();
    const results = await actor(t, newMember(t, "Tam"))
      .command("findmentor", { "library-type": "academic" })
      .reply();
    expect(labelsOf(results)).not.toContain("Ask Quill");

    await t.emulator.waitUntil(
      () => logPosts().filter((post) => post.content.includes(`<@${librarian}> didn't come`)).length === 2,
      5000,
      "two no-show lines",
    );
    const lines = logPosts().filter((post) => post.content.includes(`<@${librarian}> didn't come`));
    const last = lines.at(-1) as StoredMessage;
    expect(last.content).toMatch(/No-shows of theirs in the last 90 days: 2 \(the limit is 2\)/);
    expect(last.content).toMatch(/I paused this librarian until they resume/);
    expect(last.mentions).toHaveLength(2);

    const forgive = customIdOf(last, "Forgive this no-show");
    const byMember = await actor(t, first).click(last, forgive).reply();
    expect(byMember.content).toMatch(/Only moderators with the Manage Server permission/);
    const done = await actor(t, t.seed.members.moderator).click(last, forgive).reply();
    expect(done.content).toMatch(
      /forgave <@\d+>'s no-show \(1 left in the last 90 days; their pause is lifted\)/,
    );
    expect(services().mentors.get(guildId(), librarian)?.pausedAt).toBeUndefined();
    await waitForDm(t, librarian, (m) => m.content.includes("your pause is over"));
    expect(labelsOf(t.emulator.message(last.id))).toEqual([]);

    // Their export lists both, one forgiven; deleting their data deletes them.
    const exported = await exportData(t.bot.context, guildId(), librarian);
    expect(exported.noShows.map((noShow) => noShow.forgiven).sort()).toEqual([false, true]);
    await deleteUserData(t.bot.client, t.bot.context, guildId(), librarian);
    expect(await services().followThrough.noShows.get(guildId(), librarian)).toBeUndefined();
  });

  it("shows moderators a dispute when the other said they met, with Forgive for the no-show on record", async () => {
    const librarian = await newLibrarian("Uma");
    const seeker = newMember(t, "Vic");
    const request = await agreed(seeker, librarian, "Uma");
    const question = await questionFor(request.threadId);
    await answer(seeker, question, "They didn't come").reply();
    await t.emulator.waitUntil(() =>
      logPosts().some((post) => post.content.includes(`<@${librarian}> didn't come`)),
    );
    const met = await answer(librarian, question, "Yes, we met").reply();
    expect(met.content).toMatch(/thank-you note template/);
    const dispute = await t.emulator.waitForMessage(
      (m) => m.channel_id === t.seed.channels.modLog && m.content.includes(`request ${request.id}): `),
    );
    expect(dispute.content).toMatch(/^⚖️ Answers disagree/);
    expect(dispute.content).toContain(
      `<@${seeker}> said the other didn't come (seeker); <@${librarian}> said they met (librarian)`,
    );
    expect(labelsOf(dispute)).toEqual(["Forgive this no-show"]);
    expect(customIdOf(dispute, "Forgive this no-show")).toBe(
      `meeting-forgive|${guildId()}|${librarian}|${request.id}`,
    );
  });

  it("stops a seeker asking for 30 days after two no-shows, says until when, and Forgive lifts it", async () => {
    const seeker = newMember(t, "Wren");
    const first = await newLibrarian("Xan");
    const second = await newLibrarian("Yael");
    for (const [librarian, name] of [
      [first, "Xan"],
      [second, "Yael"],
    ] as const) {
      const request = await agreed(seeker, librarian, name);
      const question = await questionFor(request.threadId);
      await answer(librarian, question, "They didn't come").reply();
    }
    const told = await waitForDm(t, seeker, (m) => m.content.includes("You can't send interview requests"));
    expect(told.content).toMatch(/until <t:\d+:D>: in 2 of your informational interviews/);
    await newLibrarian("Zed");
    const refused = await (await clickAsk(t, seeker, "Zed")).reply();
    expect(refused.content).toMatch(
      /the librarians of your last interviews said you didn't come\. You can ask again from <t:\d+:D>/,
    );

    await t.emulator.waitUntil(() =>
      logPosts().some((post) => post.content.includes("This seeker can't send requests until")),
    );
    const line = logPosts().find((post) =>
      post.content.includes("This seeker can't send requests until"),
    ) as StoredMessage;
    await actor(t, t.seed.members.moderator).click(line, customIdOf(line, "Forgive this no-show")).reply();
    expect(services().requests.stops.isStopped(guildId(), seeker)).toBe(false);
    await waitForDm(t, seeker, (m) => m.content.includes("you can send interview requests there again"));
    const { reply } = await ask(t, seeker, "Zed");
    expect(reply.content).toMatch(/on its way to \*\*Zed\*\*/);
  });
});

describe("no time agreed", () => {
  it("nudges both in the thread, then closes it kindly as not held and points the seeker to others", async () => {
    const librarian = await newLibrarian("Abe");
    await newLibrarian("Bea");
    const seeker = newMember(t, "Cyd");
    const request = await acceptedRequest(t, seeker, librarian, "Abe");
    const nudge = await t.emulator.waitForMessage(
      (m) => m.channel_id === request.threadId && m.content.includes("friendly nudge"),
    );
    expect(nudge.content).toMatch(new RegExp(`^<@${seeker}> <@${librarian}> A friendly nudge`));
    expect(nudge.mentions).toHaveLength(2);
    const closed = await t.emulator.waitForMessage(
      (m) => m.channel_id === request.threadId && m.content.includes("so I've closed it"),
      8000,
    );
    expect(closed.content).toMatch(/No time was agreed for this informational interview/);
    await t.emulator.waitUntil(
      () => t.emulator.threads().find((thread) => thread.id === request.threadId)?.archived === true,
      5000,
      "the thread archived",
    );
    const others = await waitForDm(t, seeker, (m) =>
      m.content.includes("is closed because no time was agreed"),
    );
    expect(labelsOf(others)).toContain("Ask Bea");
    expect(services().requests.records.get(guildId(), request.id)).toMatchObject({ state: "not-held" });
    await vi.waitFor(() =>
      expect(services().requests.records.get(guildId(), request.id)?.effects).toBeUndefined(),
    );
    await sleep(300);
    expect(inThread(request.threadId, (m) => m.content.includes("friendly nudge"))).toHaveLength(1);
    expect(inThread(request.threadId, (m) => m.content.includes("so I've closed it"))).toHaveLength(1);
  });

  it("closes nothing once a time is agreed", async () => {
    const librarian = await newLibrarian("Dov");
    const seeker = newMember(t, "Eli");
    const request = await agreed(seeker, librarian, "Dov", 60_000);
    await sleep(3500);
    expect(services().requests.records.get(guildId(), request.id)?.state).toBe("accepted");
    expect(inThread(request.threadId, (m) => m.content.includes("friendly nudge"))).toHaveLength(0);
  });
});
