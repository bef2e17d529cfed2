import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StoredMessage } from "../../emulator/index.js";
import { startTestBot, type TestBot } from "../support/harness.js";
import { customIdOf, labelsOf } from "../support/messages.js";
import { actor, askAndDeliver, listLibrarian, newMember, waitForDm } from "../support/requests.js";

// The whole path over the wire, with nothing put into the store by hand: ask, accept, agree a time
// by the form, reminders, "did it happen?", thanks and the rating, then /stats. Times are typed to
// the minute, so the test waits for the next whole minute at least 8 s away (under 70 s).
let t: TestBot;
const services = () => t.bot.context.services;

beforeAll(async () => {
  t = await startTestBot({
    env: { MEETING_REMINDERS: "4s,2s", ATTENDANCE_CHECK: "1s", FIRST_CONTACT_NUDGE: "1h" },
  });
  await actor(t, t.seed.members.moderator)
    .command("config", { "mentoring-channel": t.seed.channels.mentoring })
    .reply();
});
afterAll(async () => {
  const errors = t?.logs.filter((line) => Number(line.level) >= 50) ?? [];
  await t?.stop();
  expect(errors).toEqual([]);
});

const inThread = (threadId: string, match: (message: StoredMessage) => boolean, timeoutMs = 5_000) =>
  t.emulator.waitForMessage((m) => m.channel_id === threadId && match(m), timeoutMs);

/** The next whole UTC minute at least `leadMs` away. */
function nextMinute(leadMs: number): Date {
  const at = new Date(Math.ceil((Date.now() + leadMs) / 60_000) * 60_000);
  return at;
}

describe("an informational interview from asking to thanks", () => {
  it("is asked, accepted, agreed, reminded, checked and thanked, and /stats counts it", async () => {
    const librarian = t.seed.members.librarian;
    const seeker = newMember(t, "Rowan");
    await listLibrarian(t, librarian, { displayName: "Casey", timeZone: "UTC" });
    const { card, request } = await askAndDeliver(t, seeker, librarian, "Casey");
    await actor(t, librarian).click(card, customIdOf(card, "Accept")).reply();
    const picker = await t.emulator.waitForMessage((m) => m.content.includes("Pick a time"), 10_000);
    const threadId = picker.channel_id;

    // The seeker proposes a time in Lisbon's zone (UTC+0 in winter, +1 in summer): the same instant either way.
    const start = nextMinute(8_000);
    const lisbon = new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/Lisbon",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    }).format(start);
    const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Lisbon" }).format(start);
    const form = await actor(t, seeker).click(picker, customIdOf(picker, "Propose a time")).modal();
    await actor(t, seeker)
      .submitModal(form.custom_id, { date: day, time: lisbon, timeZone: "Europe/Lisbon" })
      .reply();
    const seconds = start.getTime() / 1000;
    const proposal = await inThread(threadId, (m) => m.content.includes("proposes"));
    expect(proposal.content).toContain(`<t:${seconds}:F>`);

    // Only the librarian can confirm the seeker's proposal.
    const early = await actor(t, seeker).click(proposal, customIdOf(proposal, "Confirm")).reply();
    expect(early.content).not.toMatch(/is set for/);
    await actor(t, librarian).click(proposal, customIdOf(proposal, "Confirm")).reply();
    const confirmed = await inThread(threadId, (m) => m.files.some((file) => file.filename.endsWith(".ics")));
    const calendar = confirmed.files.find((file) => file.filename.endsWith(".ics"))?.content.toString() ?? "";
    const utc = start.toISOString().replace(/[-:]/g, "").slice(0, 15);
    expect(calendar).toMatch(new RegExp(`DTSTART:${utc}Z`));
    expect(calendar).not.toContain(seeker);
    expect(calendar).not.toContain(librarian);

    // Two reminders before the start, each once, pinging the two of them.
    const reminders = () =>
      t.emulator
        .channelMessages(threadId)
        .filter((m) => m.content.includes("A reminder: your informational"));
    await inThread(threadId, (m) => m.content.includes("A reminder"), 70_000);
    const question = await inThread(threadId, (m) => m.content.includes("Did your informational"), 70_000);
    expect(reminders()).toHaveLength(2);
    for (const reminder of reminders()) {
      expect(reminder.content).toContain(`<@${seeker}>`);
      expect(reminder.content).toContain(`<@${librarian}>`);
    }

    // A yes from the seeker: the thank-you template and the private rating, once.
    const yes = await actor(t, seeker).click(question, customIdOf(question, "Yes, we met")).reply();
    expect(labelsOf(yes)).toContain("5 · very useful");
    const rated = await actor(t, seeker).click(yes, customIdOf(yes, "5 · very useful")).reply();
    expect(rated.content).toMatch(/rated it 5 out of 5/);
    const saved = services().requests.records.get(t.seed.guildId, request.id);
    expect(saved).toMatchObject({ state: "met", feedback: { rating: 5 } });
    expect(saved?.meeting?.confirmed?.startsAt).toBe(start.getTime());

    const stats = await actor(t, t.seed.members.moderator).command("stats", {}).reply();
    const text = `${stats.content}\n${JSON.stringify(stats.embeds)}`;
    expect(text).toContain("Scheduled 1 · Met 1");
    expect(await waitForDm(t, seeker, (m) => m.content.includes("accepted"))).toBeDefined();
  }, 120_000);
});
