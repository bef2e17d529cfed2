import { ChannelType } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TYPE_QUESTIONS } from "../../src/data/questions.js";
import { startTestBot, type TestBot } from "../support/harness.js";
import { customIdOf, labelsOf } from "../support/messages.js";
import {
  actor,
  ask,
  askAndDeliver,
  isCardOf,
  listLibrarian,
  NOTE,
  newMember,
  openRequest,
  textOf,
  waitForDm,
} from "../support/requests.js";

let t: TestBot;
let librarian: string;
const services = () => t.bot.context.services;
const guildId = () => t.seed.guildId;

beforeAll(async () => {
  t = await startTestBot({ env: { REQUEST_EXPIRY: "1h", FIRST_CONTACT_NUDGE: "1s" } });
  librarian = t.seed.members.librarian;
  await actor(t, t.seed.members.moderator)
    .command("config", {
      "mentoring-channel": t.seed.channels.mentoring,
      "log-channel": t.seed.channels.modLog,
    })
    .reply();
  await listLibrarian(t, librarian);
});
afterAll(async () => {
  await t?.stop();
});

const threadsWith = (userId: string) =>
  t.emulator.threads(t.seed.channels.mentoring).filter((thread) => thread.memberIds.includes(userId));

describe("asking, consent and connecting", () => {
  it("asks with a form, sends the card by DM and opens a private thread with the prep kit on Accept", async () => {
    const seeker = newMember(t, "Jordan");
    const { modal, handle, reply } = await ask(t, seeker, "Casey", { availability: "weekday evenings" });
    expect(modal.title).toBe("Ask Casey");
    const formatSelect = JSON.stringify(modal.components[1]);
    expect(formatSelect).toContain('"value":"video"');
    expect(formatSelect).toContain('"value":"text"');
    expect(formatSelect).not.toContain("in-person");

    expect(handle.ephemeral).toBe(true);
    expect(reply.content).toMatch(/on its way to \*\*Casey\*\*/);
    expect(reply.content).toMatch(/until <t:\d+:f>/);
    expect(reply.content).toContain("/requests");
    expect(labelsOf(reply)).toEqual(["Cancel this request"]);

    const request = openRequest(t, seeker, librarian);
    expect(request).toMatchObject({ state: "pending", format: "video", availability: "weekday evenings" });
    const card = await waitForDm(t, librarian, (m) => isCardOf(m, request));
    expect(card.embeds[0]?.author?.name).toBe("Jordan");
    expect(card.embeds[0]?.description).toContain(NOTE.slice(0, 40));
    expect(textOf(card)).toContain("Academic library");
    expect(textOf(card)).toContain("Video call");
    expect(textOf(card)).toContain("weekday evenings");
    expect(card.content).toMatch(/not a job interview/);
    expect(labelsOf(card)).toEqual(["Accept", "Decline", "Block", "Report"]);

    const accepted = await t.emulator.as(librarian).click(card, customIdOf(card, "Accept")).reply();
    expect(accepted.id).toBe(card.id);
    await t.emulator.waitUntil(() => openRequest(t, seeker, librarian).threadId !== undefined);
    const { threadId } = openRequest(t, seeker, librarian);
    await t.emulator.waitUntil(() =>
      labelsOf(t.emulator.channelMessages(threadId ?? "").at(-1)).includes("Propose a time"),
    );
    const [thread] = threadsWith(seeker);
    expect(thread?.id).toBe(threadId);
    expect(thread?.type).toBe(ChannelType.PrivateThread);
    expect(thread?.invitable).toBe(false);
    expect(thread?.memberIds).toEqual(expect.arrayContaining([seeker, librarian]));
    expect(thread?.memberIds).toHaveLength(3);

    const opening = t.emulator.channelMessages(threadId ?? "");
    const all = opening.map((m) => m.content).join("\n");
    expect(opening[0]?.content).toContain(`<@${seeker}> <@${librarian}>`);
    expect(opening[0]?.content).toContain("Instruction librarian, State University");
    expect(all).toContain(NOTE);
    expect(all).toContain("A few reminders for your informational interview");
    expect(all).toContain(TYPE_QUESTIONS.academic[0]?.questions[0] ?? "?");
    expect(opening.every((m) => m.content.length <= 2000)).toBe(true);
    expect(labelsOf(opening.at(-2))).toEqual(["Build an agenda", "We met", "Report"]);
    expect(opening.at(-1)?.content).toContain("Pick a time for your interview");

    const told = await waitForDm(t, seeker, (m) =>
      m.content.includes("accepted your informational interview"),
    );
    expect(told.content).toContain(`<#${threadId}>`);
    await t.emulator.waitUntil(
      () => t.emulator.message(card.id)?.content.includes(`<#${threadId}>`) ?? false,
    );
    const edited = t.emulator.message(card.id);
    expect(labelsOf(edited)).toEqual(["Block", "Report"]);
  });

  it("shows the librarian that a request is for a class assignment, and when it is due", async () => {
    const seeker = newMember(t, "Priya");
    const { modal } = await ask(t, seeker, "Casey", { assignmentDue: "2027-03-15" });
    expect(JSON.stringify(modal.components)).toContain("For a class assignment? Its due date");
    const request = openRequest(t, seeker, librarian);
    expect(request.assignmentDue).toBe("2027-03-15");
    const card = await waitForDm(t, librarian, (m) => isCardOf(m, request));
    expect(card.embeds[0]?.fields).toContainEqual(
      expect.objectContaining({ name: "For a class assignment", value: "Due 2027-03-15" }),
    );

    const other = newMember(t, "Quinn");
    const refused = await ask(t, other, "Casey", { assignmentDue: "next week" });
    expect(refused.reply.content).toMatch(/"next week" is not a date like 2027-03-15/);
  });

  it("nudges in the thread after FIRST_CONTACT_NUDGE, and We met asks the seeker alone for a private rating", async () => {
    const seeker = newMember(t, "Quinn");
    const { card } = await askAndDeliver(t, seeker, librarian, "Casey");
    await t.emulator.as(librarian).click(card, customIdOf(card, "Accept")).reply();
    await t.emulator.waitUntil(() => threadsWith(seeker).length === 1);
    const threadId = threadsWith(seeker)[0]?.id ?? "";
    const friendly = await t.emulator.waitForMessage(
      (m) => m.channel_id === threadId && m.content.includes("friendly nudge"),
    );
    expect(friendly.content).toContain(`<@${seeker}> <@${librarian}>`);
    const nudge = await t.emulator.waitForMessage(
      (m) => m.channel_id === threadId && labelsOf(m).includes("We met"),
    );

    const byLibrarian = actor(t, librarian).click(nudge, customIdOf(nudge, "We met"));
    expect((await byLibrarian.reply()).content).toMatch(/Only the person who sent this request/);
    expect(byLibrarian.ephemeral).toBe(true);

    const met = actor(t, seeker).click(nudge, customIdOf(nudge, "We met"));
    const prompt = await met.reply();
    expect(met.ephemeral).toBe(true);
    expect(prompt.content).toContain("Dear [Name],");
    expect(labelsOf(prompt)).toEqual(["1 · not useful", "2", "3", "4", "5 · very useful"]);
    const request = services().requests.privacy.exportFor(guildId(), seeker).requestsSent[0];
    expect(request?.state).toBe("met");

    const thanks = await actor(t, seeker).click(prompt, customIdOf(prompt, "4")).reply();
    expect(thanks.content).toMatch(/rated it 4 out of 5\. Only this server's moderators/);
    expect(services().requests.records.get(guildId(), request?.id ?? "")?.feedback?.rating).toBe(4);

    // A second, different rating asks first; Keep leaves the first one.
    const again = await actor(t, seeker).click(nudge, customIdOf(nudge, "We met")).reply();
    const rating = () => services().requests.records.get(guildId(), request?.id ?? "")?.feedback?.rating;
    const same = await actor(t, seeker).click(again, customIdOf(again, "4")).reply();
    expect(same.content).toMatch(/Your rating of 4 out of 5 is recorded/);
    const repeat = await actor(t, seeker).click(nudge, customIdOf(nudge, "We met")).reply();
    const ask = await actor(t, seeker).click(repeat, customIdOf(repeat, "2")).reply();
    expect(ask.content).toBe("Change your rating from 4 to 2?");
    expect(labelsOf(ask)).toEqual(["Change", "Keep"]);
    expect(rating()).toBe(4);
    const kept = await actor(t, seeker).click(ask, customIdOf(ask, "Keep")).reply();
    expect(kept.content).toMatch(/your rating stays 4 out of 5/);
    expect(rating()).toBe(4);
    const third = await actor(t, seeker).click(nudge, customIdOf(nudge, "We met")).reply();
    const ask2 = await actor(t, seeker).click(third, customIdOf(third, "5 · very useful")).reply();
    expect(ask2.content).toBe("Change your rating from 4 to 5?");
    const byOther = await actor(t, librarian).click(ask2, customIdOf(ask2, "Change")).reply();
    expect(byOther.content).toMatch(/Only the person who sent this request/);
    expect(rating()).toBe(4);
    const changed = await actor(t, seeker).click(ask2, customIdOf(ask2, "Change")).reply();
    expect(changed.content).toMatch(/Changed: you rated it 5 out of 5/);
    expect(rating()).toBe(5);
    const settings = await actor(t, t.seed.members.moderator).command("config").reply();
    const ratings = settings.embeds[0]?.fields?.find((field) => field.name.startsWith("Was it useful?"));
    expect(ratings?.value).toContain("Casey: 5.0 / 5 (1 rating)");
    const visible = [...t.emulator.channelMessages(threadId), ...t.emulator.dmMessages(librarian)];
    expect(visible.some((m) => m.content.includes("out of 5"))).toBe(false);
    expect(
      services()
        .requests.privacy.exportFor(guildId(), librarian)
        .requestsReceived.some((r) => "feedback" in r),
    ).toBe(false);
  });

  it("refuses every button of the card to anyone but its librarian, whatever the custom ID says", async () => {
    const seeker = newMember(t, "Riley");
    const { request, card } = await askAndDeliver(t, seeker, librarian, "Casey");
    const logBefore = t.emulator.channelMessages(t.seed.channels.modLog).length;
    for (const intruder of [seeker, t.seed.members.moderator]) {
      for (const label of ["Accept", "Decline", "Block"]) {
        const handle = t.emulator.as(intruder).click(card, customIdOf(card, label));
        const reply = await handle.reply();
        expect(handle.ephemeral, label).toBe(true);
        expect(reply.content, label).toMatch(/Only the librarian this request was sent to can do that/);
      }
    }
    // Report is for both people in the request (the seeker's own Report sits by "We met"), nobody else.
    const report = t.emulator.as(t.seed.members.moderator).click(card, customIdOf(card, "Report"));
    expect((await report.reply()).content).toMatch(/Only the two people in this request can report it/);
    expect(report.ephemeral).toBe(true);
    expect(services().requests.records.get(guildId(), request.id)?.state).toBe("pending");
    expect(services().requests.blocks.isBlocked(guildId(), librarian, seeker)).toBe(false);
    expect(t.emulator.channelMessages(t.seed.channels.modLog)).toHaveLength(logBefore);
    expect(threadsWith(seeker)).toHaveLength(0);
  });

  it("handles a double click on Accept once, and says so kindly", async () => {
    const seeker = newMember(t, "Morgan");
    const { card } = await askAndDeliver(t, seeker, librarian, "Casey");
    const acceptId = customIdOf(card, "Accept");
    const first = t.emulator.as(librarian).click(card, acceptId);
    const second = t.emulator.as(librarian).click(card, acceptId);
    const responses = await Promise.all([first.response(), second.response()]);
    expect(responses.map((r) => r.type).sort()).toEqual([4, 7]);
    const repeat = [first, second].find((h) => h.record.responseType === 4);
    expect((await repeat?.reply())?.content).toMatch(/You already accepted this request/);
    await t.emulator.waitUntil(() => threadsWith(seeker).length === 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(threadsWith(seeker)).toHaveLength(1);
    expect(
      t.emulator.dmMessages(seeker).filter((m) => m.content.includes("accepted your informational")),
    ).toHaveLength(1);
  });

  it("declines with a reason: the seeker is told kindly and shown other librarians they can ask from the DM", async () => {
    const avery = newMember(t, "Avery");
    await listLibrarian(t, avery, { displayName: "Avery", formats: ["phone"] });
    const seeker = newMember(t, "Sam");
    const { request, card } = await askAndDeliver(t, seeker, librarian, "Casey");
    const modal = await t.emulator.as(librarian).click(card, customIdOf(card, "Decline")).modal();
    const submit = t.emulator.as(librarian).submitModal(modal.custom_id, {
      reason: "I'm away at a conference all month.",
    });
    expect(labelsOf(await submit.reply())).toEqual(["Block", "Report"]);
    expect((await submit.waitForFollowUp()).content).toMatch(/I told Sam kindly, with your reason/);
    expect(services().requests.records.get(guildId(), request.id)?.state).toBe("declined");

    const told = await waitForDm(t, seeker, (m) => m.content.includes("can't take your"));
    expect(told.content).toContain("“I'm away at a conference all month.”");
    const names = told.embeds.map((embed) => embed.author?.name);
    expect(names).toContain("Avery");
    expect(names).not.toContain("Casey");
    const askAvery = customIdOf(told, "Ask Avery");
    expect(askAvery.endsWith(`|${guildId()}`)).toBe(true);

    const fromDm = await t.emulator.as(seeker).click(told, askAvery).modal();
    const sent = await t.emulator
      .as(seeker)
      .submitModal(fromDm.custom_id, { note: NOTE, format: "phone", availability: "" })
      .reply();
    expect(sent.content).toMatch(/on its way to \*\*Avery\*\*/);
    expect(openRequest(t, seeker, avery)).toMatchObject({ seekerName: "Sam", format: "phone" });
  });

  it("delivers to a private thread with only the librarian when their DMs are closed", async () => {
    const emery = newMember(t, "Emery");
    await listLibrarian(t, emery, { displayName: "Emery", libraryTypes: ["public-library"] });
    t.emulator.setDmsOpen(emery, false);
    const seeker = newMember(t, "Harper");
    await ask(t, seeker, "Emery", { type: "public-library" });
    await t.emulator.waitUntil(() => openRequest(t, seeker, emery).delivery !== undefined);
    const { delivery } = openRequest(t, seeker, emery);
    expect(delivery?.via).toBe("thread");
    const threadId = delivery?.via === "thread" ? delivery.threadId : "";
    const thread = t.emulator.threads(t.seed.channels.mentoring).find((each) => each.id === threadId);
    expect(thread?.type).toBe(ChannelType.PrivateThread);
    expect(thread?.memberIds.sort()).toEqual([emery, t.emulator.botUser.id].sort());
    const [card] = t.emulator.channelMessages(threadId);
    expect(card?.content.startsWith(`<@${emery}>`)).toBe(true);
    expect(card?.mentions.map((user) => user.id)).toEqual([emery]);
    expect(t.emulator.dmMessages(emery)).toHaveLength(0);

    await actor(t, emery)
      .click(card ?? "", customIdOf(card, "Accept"))
      .reply();
    await t.emulator.waitUntil(() => threadsWith(seeker)[0]?.memberIds.includes(emery) ?? false);
    expect(threadsWith(seeker)).toHaveLength(1);
    t.emulator.setDmsOpen(emery, true);
  });
});

describe("blocking", () => {
  it("blocks the seeker: their request closes, they are told nothing and no longer find the librarian", async () => {
    const seeker = newMember(t, "Kit");
    const { request, card } = await askAndDeliver(t, seeker, librarian, "Casey");
    const asked = t.emulator.as(librarian).click(card, customIdOf(card, "Block"));
    const prompt = await asked.reply();
    expect(asked.ephemeral).toBe(true);
    expect(prompt.content).toMatch(/^Block Kit\? They won't be able to ask you again/);
    expect(labelsOf(prompt)).toEqual(["Block", "Cancel"]);
    expect(services().requests.blocks.isBlocked(guildId(), librarian, seeker)).toBe(false);
    expect(services().requests.records.get(guildId(), request.id)?.state).toBe("pending");

    const forged = await actor(t, seeker).click(prompt, customIdOf(prompt, "Block")).reply();
    expect(forged.content).toMatch(/Only the librarian this request was sent to/);
    expect(services().requests.blocks.isBlocked(guildId(), librarian, seeker)).toBe(false);

    const done = await t.emulator.as(librarian).click(prompt, customIdOf(prompt, "Block")).reply();
    expect(done.content).toMatch(/^Blocked\. Kit won't find you/);
    expect(labelsOf(done)).toEqual([]);
    expect(services().requests.blocks.isBlocked(guildId(), librarian, seeker)).toBe(true);
    expect(services().requests.records.get(guildId(), request.id)?.state).toBe("declined");
    await t.emulator.waitUntil(() => labelsOf(t.emulator.message(card.id)).join() === "Report");
    expect(t.emulator.message(card.id)?.content).toMatch(/You blocked this person/);

    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(t.emulator.dmMessages(seeker)).toHaveLength(0);
    const search = await actor(t, seeker).command("findmentor", { "library-type": "academic" }).reply();
    expect(labelsOf(search)).not.toContain("Ask Casey");
  });

  it("blocks nobody when the librarian cancels the confirmation", async () => {
    const seeker = newMember(t, "Sam");
    const { request, card } = await askAndDeliver(t, seeker, librarian, "Casey");
    const prompt = await t.emulator.as(librarian).click(card, customIdOf(card, "Block")).reply();
    const cancelled = await t.emulator.as(librarian).click(prompt, customIdOf(prompt, "Cancel")).reply();
    expect(cancelled.content).toMatch(/^Not blocked\. Sam can still ask you/);
    expect(services().requests.blocks.isBlocked(guildId(), librarian, seeker)).toBe(false);
    expect(services().requests.records.get(guildId(), request.id)?.state).toBe("pending");
    expect(labelsOf(t.emulator.message(card.id))).toEqual(["Accept", "Decline", "Block", "Report"]);
  });
});

describe("cancelling and /requests", () => {
  it("cancels from the confirmation: the librarian's card says so and /requests no longer lists it", async () => {
    const seeker = newMember(t, "Parker");
    const { confirmation, card } = await askAndDeliver(t, seeker, librarian, "Casey");
    const cancelled = await actor(t, seeker)
      .click(confirmation, customIdOf(confirmation, "Cancel this request"))
      .reply();
    expect(cancelled.content).toMatch(/You cancelled your request to \*\*Casey\*\*/);
    await t.emulator.waitUntil(() =>
      /cancelled this request/.test(t.emulator.message(card.id)?.content ?? ""),
    );
    expect(labelsOf(t.emulator.message(card.id))).toEqual(["Block", "Report"]);
    const list = await actor(t, seeker).command("requests").reply();
    expect(list.content).toMatch(/no open interview requests/);
  });

  it("lists open requests on both sides, and cancels from the list", async () => {
    const seeker = newMember(t, "Rowan");
    await askAndDeliver(t, seeker, librarian, "Casey");
    const handle = actor(t, seeker).command("requests");
    const list = await handle.reply();
    expect(handle.ephemeral).toBe(true);
    expect(list.content).toMatch(
      /\*\*Requests you sent\*\*\n• To \*\*Casey\*\* · Academic library · Video call: waiting/,
    );
    expect(labelsOf(list)).toEqual(["Cancel request to Casey"]);

    const mine = await actor(t, librarian).command("requests").reply();
    expect(mine.content).toMatch(/\*\*Requests sent to you\*\*/);
    expect(mine.content).toMatch(
      /From \*\*Rowan\*\* · Academic library · Video call: waiting for your answer/,
    );
    expect(mine.content).toMatch(/From \*\*Jordan\*\*.*: you accepted, your thread: <#\d+>/);

    const after = await actor(t, seeker).click(list, customIdOf(list, "Cancel request to Casey")).reply();
    expect(after.content).toMatch(/no open interview requests/);
    expect(services().requests.queries.listFor(guildId(), seeker).asSeeker).toEqual([]);
  });
});

it("logged no unexpected errors", () => {
  expect(t.logs.filter((line) => Number(line.level) >= 50)).toEqual([]);
  expect(t.emulator.internalErrors).toEqual([]);
});
