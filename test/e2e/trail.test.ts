import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StoredMessage } from "../../emulator/index.js";
import { startTestBot, type TestBot } from "../support/harness.js";
import { customIdOf } from "../support/messages.js";
import {
  actor,
  ask,
  askAndDeliver,
  listLibrarian,
  NOTE,
  newMember,
  sleep,
  textOf,
  waitForDm,
} from "../support/requests.js";

let t: TestBot;
const moderator = () => actor(t, t.seed.members.moderator);
const logPosts = () => t.emulator.channelMessages(t.seed.channels.modLog);
const REASON = "They asked for my home address.";

beforeAll(async () => {
  t = await startTestBot({ env: { REQUEST_EXPIRY: "4s", FIRST_CONTACT_NUDGE: "1h" } });
  await moderator()
    .command("config", {
      "mentoring-channel": t.seed.channels.mentoring,
      "log-channel": t.seed.channels.modLog,
      "auto-pause-after": 1,
    })
    .reply();
});
afterAll(async () => {
  await t?.stop();
});

/** The log channel's posts that name `userId` and match `pattern` (a report names people in its embed). */
const linesAbout = (userId: string, pattern: RegExp): StoredMessage[] =>
  logPosts().filter((m) => textOf(m).includes(`<@${userId}>`) && pattern.test(textOf(m)));

/** Waits for exactly one such line, and a moment more to see that no second one follows. */
async function oneLine(userId: string, pattern: RegExp): Promise<StoredMessage> {
  await t.emulator.waitUntil(() => linesAbout(userId, pattern).length > 0, 6000, `a line ${pattern}`);
  await sleep(200);
  const lines = linesAbout(userId, pattern);
  expect(lines).toHaveLength(1);
  return lines[0] as StoredMessage;
}

/** Lets any line the bot would post arrive, then checks none names `userId`. */
async function noLineAbout(userId: string): Promise<void> {
  await sleep(300);
  expect(logPosts().filter((m) => textOf(m).includes(`<@${userId}>`))).toEqual([]);
}

const ABOUT = {
  role: "Archivist",
  institution: "County Historical Society",
  region: "Northeast",
  timeZone: "America/New_York",
  topics: "archives",
};
const STORY = {
  bio: "Processing collections and teaching with primary sources.",
  careerMoves: "",
  monthlyCapacity: "2",
};

/** The /mentor join or edit form from start to Confirm, as the member would fill it in. */
async function fillForm(member: string, subcommand: "join" | "edit", role = ABOUT.role) {
  const as = actor(t, member);
  let message = await as.command("mentor", { subcommand }).reply();
  if (subcommand === "join") {
    message = await as.select(message, "mentor-types", ["special"]).reply();
    message = await as.select(message, "mentor-formats", ["text"]).reply();
  }
  await as.click(message, customIdOf(message, "Next: about your work")).modal();
  message = await as.submitModal("mentor-about", { ...ABOUT, role }, message).reply();
  await as.click(message, customIdOf(message, "Next: your story")).modal();
  message = await as.submitModal("mentor-story", STORY, message).reply();
  const label = subcommand === "join" ? "Confirm and list me" : "Save changes";
  return as.click(message, customIdOf(message, label)).reply();
}

async function leave(member: string) {
  const question = await actor(t, member).command("mentor", { subcommand: "leave" }).reply();
  await actor(t, member).click(question, customIdOf(question, "Yes, delete my profile")).reply();
}

const remove = (member: string) =>
  moderator()
    .command("mentor", { subcommand: "remove", options: { user: member, reason: "Asked us to" } })
    .reply();

/** A librarian blocks a new seeker from their request card, then reports them from it. */
async function blockAndReport(librarianName: string) {
  const librarian = newMember(t, librarianName);
  await listLibrarian(t, librarian, { displayName: librarianName, libraryTypes: ["law"] });
  const seeker = newMember(t, "Seeker");
  const { card } = await askAndDeliver(t, seeker, librarian, librarianName, { type: "law" });
  const question = await actor(t, librarian).click(card, customIdOf(card, "Block")).reply();
  await actor(t, librarian).click(question, customIdOf(question, "Block")).reply();
  const modal = await actor(t, librarian).click(card, customIdOf(card, "Report")).modal();
  const answer = await actor(t, librarian).submitModal(modal.custom_id, { reason: REASON }, card).reply();
  return { librarian, seeker, answer };
}

describe("the moderator's trail", () => {
  it("gets exactly one short line per event with the default 'all', naming people without private content", async () => {
    const shown = await moderator().command("config").reply();
    expect(JSON.stringify(shown.embeds)).toContain("(`trail`: all)");

    const river = newMember(t, "River");
    expect((await fillForm(river, "join")).content).toMatch(/You're listed/);
    expect((await oneLine(river, /joined the volunteer librarians/)).content).toBe(
      `➕ <@${river}> joined the volunteer librarians.`,
    );
    expect((await fillForm(river, "edit", "Head archivist")).content).toMatch(/^Saved/);
    await oneLine(river, /edited their librarian profile/);
    await leave(river);
    await oneLine(river, /left the volunteer librarians/);
    // Deleting one's data as a librarian is leaving too.
    const dana = newMember(t, "Dana");
    await listLibrarian(t, dana, { displayName: "Dana" });
    const question = await actor(t, dana).command("privacy", { subcommand: "delete-my-data" }).reply();
    await actor(t, dana).click(question, customIdOf(question, "Delete my data")).reply();
    expect((await oneLine(dana, /left/)).content).toBe(`➖ <@${dana}> left the volunteer librarians.`);

    const sky = newMember(t, "Sky");
    await listLibrarian(t, sky, { displayName: "Sky" });
    await remove(sky);
    expect((await oneLine(sky, /removed/)).content).toBe(
      `🚫 <@${t.seed.members.moderator}> removed <@${sky}> from the volunteer librarians. Reason: Asked us to`,
    );

    const { librarian, seeker, answer } = await blockAndReport("Lane");
    expect(answer.content).toMatch(/^Thank you for reporting this/);
    const block = await oneLine(seeker, /blocked/);
    expect(block.content).toMatch(
      new RegExp(`^⛔ <@${librarian}> blocked <@${seeker}> \\(request \\w+\\)\\.$`),
    );
    await oneLine(seeker, /reported the seeker/);

    const pauseMe = newMember(t, "Ash");
    await listLibrarian(t, pauseMe, { displayName: "Ash", libraryTypes: ["museum"] });
    await ask(t, newMember(t, "Noor"), "Ash", { type: "museum", note: NOTE });
    const paused = await oneLine(pauseMe, /paused/);
    expect(paused.content).toBe(
      `⏸️ I paused <@${pauseMe}>: an interview request to them expired without an answer.`,
    );

    // Nothing private: no request note, and no report reason outside the report post itself.
    const lines = logPosts().filter((m) => m.embeds.length === 0);
    expect(lines.map((m) => m.content).join("\n")).not.toContain(NOTE.slice(0, 30));
    expect(lines.map((m) => m.content).join("\n")).not.toContain(REASON);
    // Mentions name people but ping nobody.
    const sends = t.emulator.requests.filter(
      (r) => r.method === "POST" && r.path.endsWith(`/channels/${t.seed.channels.modLog}/messages`),
    );
    expect(sends.length).toBeGreaterThanOrEqual(7);
    for (const send of sends) expect(JSON.stringify(send.body)).toContain('"allowed_mentions":{"parse":[]}');
  });

  it("keeps only removals, bot pauses, blocks and reports with 'safety only'", async () => {
    const saved = await moderator().command("config", { trail: "safety" }).reply();
    expect(JSON.stringify(saved.embeds)).toContain("(`trail`: safety)");
    expect(t.bot.context.services.settings.get(t.seed.guildId).trail).toBe("safety");

    const wren = newMember(t, "Wren");
    await fillForm(wren, "join");
    await fillForm(wren, "edit", "Head archivist");
    await leave(wren);
    await noLineAbout(wren);

    const { seeker } = await blockAndReport("Kit");
    await oneLine(seeker, /blocked/);
    await oneLine(seeker, /reported the seeker/);
    const sage = newMember(t, "Sage");
    await listLibrarian(t, sage, { displayName: "Sage" });
    await remove(sage);
    await oneLine(sage, /removed/);
    const pauseMe = newMember(t, "Ari");
    await listLibrarian(t, pauseMe, { displayName: "Ari", libraryTypes: ["medical"] });
    await ask(t, newMember(t, "Mo"), "Ari", { type: "medical" });
    await oneLine(pauseMe, /paused/);
  });

  it("posts nothing with 'off', not even reports, and tells the reporter to go to a moderator", async () => {
    const saved = await moderator().command("config", { trail: "off" }).reply();
    expect(JSON.stringify(saved.embeds)).toContain("(`trail`: off)");
    const before = logPosts().length;

    const { librarian, seeker, answer } = await blockAndReport("Jo");
    expect(answer.content).toMatch(/I couldn't pass it on to this server's moderators/);
    const pauseMe = newMember(t, "Indy");
    await listLibrarian(t, pauseMe, { displayName: "Indy", libraryTypes: ["public-library"] });
    await ask(t, newMember(t, "Pat"), "Indy", { type: "public-library" });
    await waitForDm(t, pauseMe, (m) => m.content.includes("I paused your librarian listing"), 8000);
    await remove(librarian);
    await noLineAbout(seeker);
    await noLineAbout(pauseMe);
    expect(logPosts()).toHaveLength(before);
  });
});
