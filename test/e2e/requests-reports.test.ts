import { PermissionFlagsBits } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StoredMessage } from "../../emulator/index.js";
import { startTestBot, type TestBot } from "../support/harness.js";
import { customIdOf, labelsOf } from "../support/messages.js";
import {
  actor,
  askAndDeliver,
  clickAsk,
  listLibrarian,
  NOTE,
  newMember,
  openRequest,
  textOf,
} from "../support/requests.js";

let t: TestBot;
const services = () => t.bot.context.services;
const guildId = () => t.seed.guildId;
const logPosts = () => t.emulator.channelMessages(t.seed.channels.modLog);
const REASON = "They kept asking for my home address after I said no, twice.";

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

/** A listed librarian of their own, so pausing one leaves the others' tests alone. */
async function newLibrarian(name: string): Promise<string> {
  const userId = newMember(t, name);
  await listLibrarian(t, userId, { displayName: name });
  return userId;
}

/** Presses Report on `message` as `userId`, fills the form, and resolves with the private answer. */
async function reportFrom(userId: string, message: StoredMessage, reason = REASON) {
  const handle = actor(t, userId).click(message, customIdOf(message, "Report"));
  const modal = await handle.modal();
  const submitted = actor(t, userId).submitModal(modal.custom_id, { reason }, message);
  return { modal, handle: submitted, reply: await submitted.reply() };
}

describe("a librarian reports a seeker", () => {
  it("asks for a reason, posts it with the request, and refuses a second report", async () => {
    const librarian = await newLibrarian("Robin");
    const seeker = newMember(t, "Lee");
    const { request, card } = await askAndDeliver(t, seeker, librarian, "Robin");
    const before = logPosts().length;

    const { modal, handle, reply } = await reportFrom(librarian, card);
    expect(modal.title).toBe("Report Lee");
    expect(JSON.stringify(modal.components)).toContain('"max_length":1000');
    expect(JSON.stringify(modal.components)).toContain('"required":true');
    expect(handle.ephemeral).toBe(true);
    expect(reply.content).toMatch(/Thank you for reporting this\..*Lee is not told/);

    expect(logPosts()).toHaveLength(before + 1);
    const post = logPosts().at(-1) as StoredMessage;
    expect(post.content).toBe("A librarian reported the seeker of an interview request.");
    expect(post.embeds[0]?.description).toContain(REASON);
    expect(textOf(post)).toContain(NOTE.slice(0, 40));
    expect(textOf(post)).toContain(`<@${seeker}> (Lee)`);
    expect(post.embeds[0]?.footer?.text).toBe(`Request ${request.id}`);
    expect(labelsOf(post)).toEqual(["Stop this seeker asking anyone"]);
    expect(await services().requests.reports.get(guildId(), request.id, librarian)).toMatchObject({
      reporterSide: "librarian",
      reportedId: seeker,
      reason: REASON,
    });

    const again = actor(t, librarian).click(card, customIdOf(card, "Report"));
    expect((await again.reply()).content).toMatch(/^You already reported this request/);
    expect(again.ephemeral).toBe(true);
    expect(logPosts()).toHaveLength(before + 1);
  });

  it("lets only a Manage Server moderator stop the seeker, once, and then refuses their requests politely", async () => {
    const librarian = await newLibrarian("Morgan");
    const other = await newLibrarian("Avery");
    const seeker = newMember(t, "Drew");
    const { card } = await askAndDeliver(t, seeker, librarian, "Morgan");
    await reportFrom(librarian, card);
    const post = logPosts().at(-1) as StoredMessage;
    const stop = customIdOf(post, "Stop this seeker asking anyone");

    const notModerator = actor(t, librarian).click(post, stop);
    expect((await notModerator.reply()).content).toMatch(/Only moderators with the Manage Server permission/);
    expect(services().requests.stops.isStopped(guildId(), seeker)).toBe(false);

    const second = t.emulator.addMember(guildId(), {
      username: "secondmod",
      globalName: "Second Mod",
      permissions: PermissionFlagsBits.ManageGuild,
    }).userId;
    const clicks = [actor(t, t.seed.members.moderator).click(post, stop), actor(t, second).click(post, stop)];
    const answers = await Promise.all(clicks.map((click) => click.reply()));
    const already = answers.filter((answer) => /^This was already done/.test(answer.content));
    expect(already).toHaveLength(1);
    expect(services().requests.stops.isStopped(guildId(), seeker)).toBe(true);
    const updated = t.emulator.message(post.id);
    expect(updated?.content).toMatch(/stopped this seeker asking anyone on this server/);
    expect(labelsOf(updated)).toEqual([]);

    const refused = await (await clickAsk(t, seeker, "Avery")).reply();
    expect(refused.content).toMatch(/^Sorry, you can't send interview requests on this server at the moment/);
    expect(services().requests.queries.listFor(guildId(), seeker).asSeeker).toHaveLength(1);
    expect(services().mentors.get(guildId(), other)).toBeDefined();
  });
});

describe("a seeker reports a librarian", () => {
  it("reports from the thread with the librarian's card, and a moderator pauses the librarian once", async () => {
    const librarian = await newLibrarian("Jamie");
    const seeker = newMember(t, "Kai");
    const { card } = await askAndDeliver(t, seeker, librarian, "Jamie");
    await t.emulator.as(librarian).click(card, customIdOf(card, "Accept")).reply();
    await t.emulator.waitUntil(() => openRequest(t, seeker, librarian).threadId !== undefined);
    const threadId = openRequest(t, seeker, librarian).threadId ?? "";
    const withReport = () => t.emulator.channelMessages(threadId).find((m) => labelsOf(m).includes("Report"));
    await t.emulator.waitUntil(() => withReport() !== undefined);
    const last = withReport() as StoredMessage;
    expect(labelsOf(last)).toEqual(["Build an agenda", "We met", "Report"]);

    const { modal, reply } = await reportFrom(seeker, last, "They were rude and asked me for money.");
    expect(modal.title).toBe("Report Jamie");
    expect(reply.content).toMatch(/Jamie is not told/);
    const post = logPosts().at(-1) as StoredMessage;
    expect(post.content).toBe("A seeker reported the librarian of an interview request.");
    expect(post.embeds[0]?.description).toContain("asked me for money");
    expect(textOf(post)).toContain(`<@${librarian}> (Jamie)`);
    expect(post.embeds[1]?.title).toContain("Instruction librarian");
    expect(labelsOf(post)).toEqual(["Pause this librarian"]);
    const again = await actor(t, seeker).click(last, customIdOf(last, "Report")).reply();
    expect(again.content).toMatch(/^You already reported this request/);

    const pause = customIdOf(post, "Pause this librarian");
    const bySeeker = await actor(t, seeker).click(post, pause).reply();
    expect(bySeeker.content).toMatch(/Only moderators with the Manage Server permission/);
    expect(services().mentors.get(guildId(), librarian)?.pausedAt).toBeUndefined();

    await actor(t, t.seed.members.moderator).click(post, pause).reply();
    expect(services().mentors.get(guildId(), librarian)?.pausedAt).toBeDefined();
    expect(t.emulator.message(post.id)?.content).toMatch(/paused this librarian/);
    expect(labelsOf(t.emulator.message(post.id))).toEqual([]);
    const report = await services().requests.reports.get(
      guildId(),
      openRequest(t, seeker, librarian).id,
      seeker,
    );
    expect(report?.action).toMatchObject({ kind: "pause-librarian", by: t.seed.members.moderator });
  });
});
