import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { StoredMessage } from "../../emulator/state.js";
import { startTestBot, type TestBot } from "../support/harness.js";
import { customIdOf, labelsOf } from "../support/messages.js";
import {
  actor,
  askAndDeliver,
  listLibrarian,
  newMember,
  openRequest,
  waitForDm,
} from "../support/requests.js";

const HOUR = 3_600_000;
// Monday 8 March 2027, 12:00 UTC: Chicago is on UTC-6 until Sunday 14 March.
let now = Date.UTC(2027, 2, 8, 12);
let t: TestBot;
let casey: string;
const services = () => t.bot.context.services;
const guildId = () => t.seed.guildId;
const seconds = (at: number) => Math.floor(at / 1000);
const ics = (message: StoredMessage) =>
  message.files.find((file) => file.filename.endsWith(".ics"))?.content.toString("utf8") ?? "";

beforeAll(async () => {
  t = await startTestBot({ clock: () => now, env: { REQUEST_EXPIRY: "7d", FIRST_CONTACT_NUDGE: "7d" } });
  casey = t.seed.members.librarian;
  await listLibrarian(t, casey, {
    timeZone: "America/Chicago",
    weeklyWindows: "Tue 14:00-16:00, Thu 10:00-12:00",
    awayDates: "2027-03-11",
  });
});
afterAll(async () => {
  await t?.stop();
});

const requestOf = (seeker: string) => {
  const { id } = openRequest(t, seeker, casey);
  return () => services().requests.records.get(guildId(), id);
};

async function acceptFrom(seeker: string, minutes?: string) {
  const { card } = await askAndDeliver(t, seeker, casey, "Casey", minutes ? { minutes } : {});
  await t.emulator.as(casey).click(card, customIdOf(card, "Accept")).reply();
  return Object.assign(requestOf(seeker), { card });
}

async function threadPicker(threadId: string): Promise<StoredMessage> {
  return t.emulator.waitForMessage((m) => m.channel_id === threadId && m.content.includes("Pick a time"));
}

const inThread = (threadId: string, text: string, after = 0) =>
  t.emulator.waitForMessage(
    (m) => m.channel_id === threadId && m.content.includes(text) && Number(BigInt(m.id) >> 22n) >= after,
  );

describe("agreeing a time by DM, when there is no mentoring channel", () => {
  it("sends both the picker; a slot picked by one is confirmed by the other, and both get the .ics", async () => {
    const seeker = newMember(t, "Dana");
    const request = await acceptFrom(seeker);
    const isPicker = (m: StoredMessage) => m.content.includes("Pick a time");
    const seekerPicker = await waitForDm(t, seeker, isPicker);
    await waitForDm(t, casey, isPicker);
    // Tue 9 March 14:00 in Chicago is 20:00 UTC; Thursday the 11th is an away day.
    expect(seekerPicker.content).toContain(`1. <t:${seconds(Date.UTC(2027, 2, 9, 20))}:F>`);
    expect(seekerPicker.content).not.toContain(`<t:${seconds(Date.UTC(2027, 2, 11, 16))}:F>`);
    // After the change to daylight time, the same 14:00 is 19:00 UTC.
    expect(seekerPicker.content).toContain(`<t:${seconds(Date.UTC(2027, 2, 16, 19))}:F>`);
    expect(seekerPicker.content).toContain("(30 minutes)");

    const picked = t.emulator
      .as(seeker)
      .select(seekerPicker, customIdOf(seekerPicker, "Put one of these times forward"), [
        String(seconds(Date.UTC(2027, 2, 9, 20))),
      ]);
    expect((await picked.reply()).content).toMatch(/^You proposed <t:\d+:F>/);
    expect(picked.ephemeral).toBe(true);
    const proposal = await waitForDm(t, casey, (m) => m.content.includes("proposes"));
    expect(proposal.content).toContain(`<t:${seconds(Date.UTC(2027, 2, 9, 20))}:F>`);
    expect(labelsOf(proposal)).toEqual(["Confirm", "Propose another time"]);

    await t.emulator.as(casey).click(proposal, customIdOf(proposal, "Confirm")).reply();
    const isConfirmed = (m: StoredMessage) => m.content.includes("is set for");
    for (const who of [seeker, casey]) {
      const confirmed = await waitForDm(t, who, isConfirmed);
      expect(ics(confirmed)).toContain("DTSTART:20270309T200000Z");
      expect(labelsOf(confirmed)).toEqual(["Reschedule", "Cancel"]);
    }
    // Both announcements done and settled: nothing is owed any more.
    await vi.waitFor(() => expect(request()?.effects).toBeUndefined());
    expect(request()?.meeting?.confirmed).toMatchObject({ startsAt: Date.UTC(2027, 2, 9, 20), round: 1 });
  });
});

describe("agreeing a time in the thread", () => {
  beforeAll(async () => {
    await actor(t, t.seed.members.moderator)
      .command("config", { "mentoring-channel": t.seed.channels.mentoring })
      .reply();
  });

  it("windows → slots → confirm → .ics with the right UTC start, the length asked for, Reschedule and Cancel", async () => {
    const seeker = newMember(t, "Jordan");
    const request = await acceptFrom(seeker, "45");
    await t.emulator.waitUntil(() => request()?.threadId !== undefined);
    const threadId = request()?.threadId ?? "";
    const picker = await threadPicker(threadId);
    expect(picker.content).toContain("(45 minutes)");
    const menu = customIdOf(picker, "Put one of these times forward");
    const slot = Date.UTC(2027, 2, 16, 19);
    await actor(t, seeker)
      .select(picker, menu, [String(seconds(slot))])
      .reply();
    const proposal = await inThread(threadId, "proposes");
    expect(proposal.content).toContain(`<@${casey}>`);

    const own = actor(t, seeker).click(proposal, customIdOf(proposal, "Confirm"));
    expect((await own.reply()).content).toMatch(/You proposed this time: the other person confirms it/);

    const confirmedAck = await actor(t, casey).click(proposal, customIdOf(proposal, "Confirm")).reply();
    expect(confirmedAck.content).toContain("Confirmed");
    const confirmed = await inThread(threadId, "is set for");
    expect(confirmed.content).toContain(`<t:${seconds(slot)}:F> (<t:${seconds(slot)}:R>)`);
    expect(confirmed.content).toContain("**Format:** Video call · **Length:** 45 minutes");
    const calendar = ics(confirmed);
    expect(calendar).toContain("DTSTART:20270316T190000Z");
    expect(calendar).toContain("DURATION:PT45M");
    expect(calendar).toContain("SUMMARY:Informational interview (Academic library)");
    expect(calendar).not.toContain(seeker);
    expect(calendar).not.toContain(casey);
    expect(labelsOf(confirmed)).toEqual(["Reschedule", "Cancel"]);
  });

  it("shows a time proposed in another time zone as the same instant", async () => {
    const seeker = newMember(t, "Priya");
    const request = await acceptFrom(seeker);
    await t.emulator.waitUntil(() => request()?.threadId !== undefined);
    const threadId = request()?.threadId ?? "";
    const picker = await threadPicker(threadId);

    // Casey's form is prefilled with her own zone.
    const form = await actor(t, casey).click(picker, customIdOf(picker, "Propose a time")).modal();
    expect(JSON.stringify(form.components)).toContain('"value":"America/Chicago"');

    const byForm = await actor(t, seeker).click(picker, customIdOf(picker, "Propose a time")).modal();
    await actor(t, seeker)
      .submitModal(byForm.custom_id, { date: "2027-03-10", time: "21:00", timeZone: "Europe/Berlin" })
      .reply();
    const proposal = await inThread(threadId, "proposes");
    const instant = seconds(Date.UTC(2027, 2, 10, 20));
    expect(proposal.content).toContain(`<t:${instant}:F>`);
    expect(proposal.content).toContain("put forward in Europe/Berlin time");
    // 14:00 in Chicago that day is the same instant.
    expect(request()?.meeting?.proposal?.startsAt).toBe(instant * 1000);
    const chicago = await actor(t, casey)
      .click(proposal, customIdOf(proposal, "Propose another time"))
      .modal();
    const same = await actor(t, casey)
      .submitModal(chicago.custom_id, { date: "2027-03-10", time: "14:00", timeZone: "America/Chicago" })
      .reply();
    expect(same.content).toContain(`<t:${instant}:F>`);
    expect(request()?.meeting?.proposal).toMatchObject({ startsAt: instant * 1000, by: casey });

    const past = await actor(t, seeker).click(picker, customIdOf(picker, "Propose a time")).modal();
    const refused = await actor(t, seeker)
      .submitModal(past.custom_id, { date: "2027-03-08", time: "06:00", timeZone: "UTC" })
      .reply();
    expect(refused.content).toContain("has already passed");
  });

  async function confirmedInThread(name: string) {
    const seeker = newMember(t, name);
    const request = await acceptFrom(seeker);
    await t.emulator.waitUntil(() => request()?.threadId !== undefined);
    const threadId = request()?.threadId ?? "";
    const picker = await threadPicker(threadId);
    const first = String(seconds(Date.UTC(2027, 2, 9, 20)));
    await actor(t, seeker)
      .select(picker, customIdOf(picker, "Put one of these times forward"), [first])
      .reply();
    const proposal = await inThread(threadId, "proposes");
    await actor(t, casey).click(proposal, customIdOf(proposal, "Confirm")).reply();
    const confirmed = await inThread(threadId, "is set for");
    return { seeker, request, threadId, confirmed, card: request.card };
  }

  it("announces an agreed time Discord failed to take once it recovers, still once", async () => {
    const seeker = newMember(t, "Quinn");
    const request = await acceptFrom(seeker);
    await t.emulator.waitUntil(() => request()?.threadId !== undefined);
    const threadId = request()?.threadId ?? "";
    const picker = await threadPicker(threadId);
    const first = String(seconds(Date.UTC(2027, 2, 9, 20)));
    await actor(t, seeker)
      .select(picker, customIdOf(picker, "Put one of these times forward"), [first])
      .reply();
    const proposal = await inThread(threadId, "proposes");
    // An outage: the thread post and discord.js's three retries of it all get a 500.
    t.emulator.failNext("POST", new RegExp(`^/channels/${threadId}/messages$`), 4);
    await actor(t, casey).click(proposal, customIdOf(proposal, "Confirm")).reply();
    await t.emulator.waitUntil(() => request()?.meeting?.confirmed !== undefined);
    expect(request()?.effects).toContain("meeting-confirmed");
    expect(t.emulator.channelMessages(threadId).some((m) => m.content.includes("is set for"))).toBe(false);
    // The failure leaves a retry, due 10 s later by the bot's clock.
    const retry = `timer/request-effects/${guildId()}/${request()?.id}`;
    await vi.waitFor(async () => expect(await t.bot.context.store.get(retry)).toBeDefined(), {
      timeout: 10_000,
    });
    now += 11_000;
    const announced = await t.emulator.waitForMessage(
      (m) => m.channel_id === threadId && m.content.includes("is set for"),
      20_000,
    );
    expect(ics(announced)).toContain("DTSTART:20270309T200000Z");
    await t.emulator.waitUntil(() => !request()?.effects?.includes("meeting-confirmed"));
    expect(t.emulator.channelMessages(threadId).filter((m) => m.content.includes("is set for"))).toHaveLength(
      1,
    );
  }, 30_000);

  it("reschedules: the agreed time is off, the picker opens again, and the next confirmation is round 2", async () => {
    const { seeker, request, threadId, confirmed } = await confirmedInThread("Riley");
    const form = await actor(t, casey).click(confirmed, customIdOf(confirmed, "Reschedule")).modal();
    const ack = await actor(t, casey)
      .submitModal(form.custom_id, { reason: "A board meeting moved. @everyone <@123> **sorry**" })
      .reply();
    expect(ack.content).toContain("opened the time picker again");
    const reopened = await inThread(threadId, "needs to move the interview");
    // The note is shown as typed: no pings, no markdown.
    expect(reopened.content).toContain(
      "A board meeting moved. @\u200beveryone <\u200b@123> \\*\\*sorry\\*\\*",
    );
    const sent = t.emulator.requests.find(
      (r) => r.method === "POST" && JSON.stringify(r.body).includes("needs to move the interview"),
    );
    expect(JSON.stringify(sent?.body)).toContain(`"allowed_mentions":{"parse":[],"users":["${seeker}"]}`);
    expect(reopened.content).toContain(`<@${seeker}>`);
    expect(labelsOf(reopened)).toContain("Propose a time");
    expect(request()?.meeting?.confirmed).toBeUndefined();

    const later = Date.UTC(2027, 2, 16, 19);
    await actor(t, casey)
      .select(reopened, customIdOf(reopened, "Put one of these times forward"), [String(seconds(later))])
      .reply();
    const shown = await inThread(threadId, `<t:${seconds(later)}:R>), 30 minutes`);
    await actor(t, seeker).click(shown, customIdOf(shown, "Confirm")).reply();
    const moved = await inThread(threadId, "is moved to");
    expect(ics(moved)).toContain("DTSTART:20270316T190000Z");
    expect(ics(moved)).toContain("SEQUENCE:1");
    expect(request()?.meeting?.confirmed).toMatchObject({ startsAt: later, round: 2 });
  });

  it("cancels late within 3 hours of the start: the request closes and the other is told kindly", async () => {
    const { seeker, request, threadId, confirmed, card } = await confirmedInThread("Kit");
    now = Date.UTC(2027, 2, 9, 20) - 2 * HOUR;
    try {
      const form = await actor(t, seeker).click(confirmed, customIdOf(confirmed, "Cancel")).modal();
      const ack = await actor(t, seeker).submitModal(form.custom_id, { reason: "" }).reply();
      expect(ack.content).toContain("it counts as a late cancel");
      const told = await inThread(threadId, "cancelled the interview");
      expect(told.content).toContain(`<@${casey}>`);
      expect(told.content).toContain("Thank you for making time");
      expect(request()).toMatchObject({
        state: "cancelled",
        meeting: { cancelled: { by: seeker, late: true } },
      });
      // The librarian's card says so.
      await t.emulator.waitUntil(
        () => t.emulator.message(card.id)?.content === "**Kit** cancelled this interview.",
      );
      const again = await actor(t, casey).click(confirmed, customIdOf(confirmed, "Reschedule")).reply();
      expect(again.content).toContain("closed");
    } finally {
      now = Date.UTC(2027, 2, 8, 12);
    }
  });

  it("refuses every scheduling button to another member", async () => {
    const seeker = newMember(t, "Lee");
    const stranger = newMember(t, "Morgan");
    const request = await acceptFrom(seeker);
    await t.emulator.waitUntil(() => request()?.threadId !== undefined);
    const threadId = request()?.threadId ?? "";
    const picker = await threadPicker(threadId);
    const menu = customIdOf(picker, "Put one of these times forward");
    const slot = String(seconds(Date.UTC(2027, 2, 9, 20)));
    const refused = async (handle: ReturnType<ReturnType<typeof actor>["click"]>) => {
      expect((await handle.reply()).content).toBe("Only the two people in this interview can do that.");
      expect(handle.ephemeral).toBe(true);
    };
    await refused(actor(t, stranger).select(picker, menu, [slot]));
    await refused(actor(t, stranger).click(picker, customIdOf(picker, "Propose a time")));
    await actor(t, seeker).select(picker, menu, [slot]).reply();
    const proposal = await inThread(threadId, "proposes");
    await refused(actor(t, stranger).click(proposal, customIdOf(proposal, "Confirm")));
    await refused(actor(t, stranger).click(proposal, customIdOf(proposal, "Propose another time")));
    expect(request()?.meeting?.confirmed).toBeUndefined();
    await actor(t, casey).click(proposal, customIdOf(proposal, "Confirm")).reply();
    const confirmed = await inThread(threadId, "is set for");
    await refused(actor(t, stranger).click(confirmed, customIdOf(confirmed, "Reschedule")));
    await refused(actor(t, stranger).click(confirmed, customIdOf(confirmed, "Cancel")));
    expect(request()).toMatchObject({ state: "accepted", meeting: { confirmed: { round: 1 } } });
  });
});

it("logged no unexpected errors", () => {
  expect(t.logs.filter((line) => Number(line.level) >= 50)).toEqual([]);
});
