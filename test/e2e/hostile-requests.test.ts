import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MEETING_FORMATS, type MeetingFormat } from "../../src/domain/mentors/index.js";
import { startTestBot, type TestBot } from "../support/harness.js";
import { checkProperty, expectAnswered, expectSafeCase, fillModal, hostileText } from "../support/hostile.js";
import { customIdOf } from "../support/messages.js";
import { actor, listLibrarian, NOTE, newMember, waitForDm } from "../support/requests.js";

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot({ env: { REQUEST_EXPIRY: "1h", FIRST_CONTACT_NUDGE: "1h" } });
  await actor(t, t.seed.members.moderator)
    .command("config", {
      "mentoring-channel": t.seed.channels.mentoring,
      "log-channel": t.seed.channels.modLog,
    })
    .reply();
});
afterAll(async () => {
  await t?.stop();
});

let librarians = 0;

/** A librarian of their own for each case, found by a topic only they have, and a seeker who never asked. */
async function pair(formats: MeetingFormat[] = ["video"]) {
  librarians++;
  const name = `Librarian${librarians}`;
  const librarianId = newMember(t, name);
  const topic = `hostile-topic-${librarians}`;
  await listLibrarian(t, librarianId, { displayName: name, formats, topics: [topic] });
  return { name, topic, librarianId, seekerId: newMember(t, "Seeker") };
}

type Pair = Awaited<ReturnType<typeof pair>>;

/** The seeker's Ask form for the pair's librarian, found by their topic (the top 5 may hold others). */
async function openAskForm({ name, topic, seekerId }: Pair) {
  const seeker = actor(t, seekerId);
  const found = await seeker.command("findmentor", { "library-type": "academic", keyword: topic }).reply();
  return seeker.click(found, customIdOf(found, `Ask ${name}`)).modal();
}

/** A plain request from the pair's seeker, and the card it brought the librarian. */
async function deliveredCard(p: Pair) {
  const modal = await openAskForm(p);
  await actor(t, p.seekerId).submitModal(modal.custom_id, { note: NOTE, format: "video" }).reply();
  return waitForDm(t, p.librarianId, (message) => message.embeds.length > 0);
}

const formatsOffered = fc.subarray([...MEETING_FORMATS], { minLength: 1 });

describe("hostile text in the Ask form", () => {
  it("answers any note, availability and offered format, and delivers the card safely", async () => {
    const asks = fc.record({
      note: hostileText(),
      availability: hostileText(),
      offered: formatsOffered,
      pick: fc.nat(),
    });
    const outcomes: string[] = [];
    await checkProperty("ask form", asks, async (fields) => {
      const p = await pair(fields.offered);
      const { librarianId, seekerId } = p;
      await expectSafeCase(t, [seekerId, librarianId], async () => {
        const seeker = actor(t, seekerId);
        const modal = await openAskForm(p);
        const format = fields.offered[fields.pick % fields.offered.length] as MeetingFormat;
        const typed = fillModal(modal, { note: fields.note, availability: fields.availability });
        const handle = seeker.submitModal(modal.custom_id, { ...typed, format });
        const answer = await expectAnswered(handle);
        const sent = /on its way/.test(answer);
        outcomes.push(sent ? "sent" : "refused");
        if (sent) await waitForDm(t, librarianId, (message) => message.embeds.length > 0);
      });
    });
    console.info(`[hostile] ask outcomes: ${outcomes.sort().join(" ")}`);
  });
});

describe("hostile text in the Decline and Report forms", () => {
  it("answers any decline reason, and tells the seeker safely", async () => {
    await checkProperty("decline reason", hostileText(), async (reason) => {
      const p = await pair();
      const { librarianId, seekerId } = p;
      const card = await deliveredCard(p);
      await expectSafeCase(t, [seekerId, librarianId], async () => {
        const librarian = actor(t, librarianId);
        const modal = await librarian.click(card, customIdOf(card, "Decline")).modal();
        const handle = librarian.submitModal(modal.custom_id, fillModal(modal, { reason }), card);
        await expectAnswered(handle);
        await waitForDm(t, seekerId, (message) => message.content.includes("can't take your"));
      });
    });
  });

  it("answers any report reason, and posts it to the moderators safely", async () => {
    await checkProperty("report reason", hostileText(), async (reason) => {
      const p = await pair();
      const { librarianId, seekerId } = p;
      const card = await deliveredCard(p);
      const posts = () => t.emulator.channelMessages(t.seed.channels.modLog).length;
      const before = posts();
      await expectSafeCase(t, [seekerId, librarianId], async () => {
        const librarian = actor(t, librarianId);
        const modal = await librarian.click(card, customIdOf(card, "Report")).modal();
        const typed = fillModal(modal, { reason });
        const answer = await expectAnswered(librarian.submitModal(modal.custom_id, typed, card));
        if (typed.reason?.trim() === "") expect(answer).toMatch(/Please say what happened/);
        else {
          expect(answer).toMatch(/Thank you for reporting this/);
          await t.emulator.waitUntil(() => posts() === before + 1, 5000, "the report in the log channel");
        }
      });
    });
  });

  it("still answers /help after every hostile run", async () => {
    const help = await actor(t, t.seed.members.seeker).command("help").reply();
    expect(help.embeds[0]?.title).toContain("Reference Desk");
  });
});
