import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StoredMessage } from "../../emulator/state.js";
import { EXPORT_FILE_NAME } from "../../src/commands/privacy.js";
import { guildKey } from "../../src/store/store.js";
import { startTestBot, type TestBot } from "../support/harness.js";
import { customIdOf, labelsOf } from "../support/messages.js";
import {
  actor,
  askAndDeliver,
  clickAsk,
  listLibrarian,
  newMember,
  openRequest,
} from "../support/requests.js";

let t: TestBot;
const services = () => t.bot.context.services;
const guildId = () => t.seed.guildId;
const moderator = () => t.seed.members.moderator;
const logPosts = () => t.emulator.channelMessages(t.seed.channels.modLog);

beforeAll(async () => {
  t = await startTestBot({ env: { REQUEST_EXPIRY: "1h", FIRST_CONTACT_NUDGE: "1h" } });
  await actor(t, moderator())
    .command("config", {
      "mentoring-channel": t.seed.channels.mentoring,
      "log-channel": t.seed.channels.modLog,
    })
    .reply();
});
afterAll(async () => {
  await t?.stop();
});

/** The key of every record in the whole store whose key or value holds `text`. */
async function recordsHolding(text: string): Promise<string[]> {
  const found: string[] = [];
  for await (const [key, value] of t.bot.context.store.entries<unknown>("")) {
    if (key.includes(text) || JSON.stringify(value).includes(text)) found.push(key);
  }
  return found.sort();
}

async function exported(userId: string) {
  await actor(t, userId).command("privacy", { subcommand: "export" }).reply();
  const file = t.emulator.dmMessages(userId).findLast((m) => m.files.length > 0)?.files[0];
  expect(file?.filename).toBe(EXPORT_FILE_NAME);
  return JSON.parse(file?.content.toString("utf8") ?? "null");
}

async function deleteMyData(userId: string): Promise<string> {
  const prompt = await actor(t, userId).command("privacy", { subcommand: "delete-my-data" }).reply();
  actor(t, userId).click(prompt, customIdOf(prompt, "Delete my data"));
  await t.emulator.waitUntil(() => (t.emulator.message(prompt.id)?.content ?? "").startsWith("Done."));
  return t.emulator.message(prompt.id)?.content ?? "";
}

async function newLibrarian(name: string, type: string): Promise<string> {
  const userId = newMember(t, name);
  await listLibrarian(t, userId, { displayName: name, libraryTypes: [type] });
  return userId;
}

/** Reports from `message` (a card, or the message in a request's thread) and resolves with the moderators' post. */
async function report(userId: string, message: StoredMessage, reason: string): Promise<StoredMessage> {
  const before = logPosts().length;
  const modal = await actor(t, userId).click(message, customIdOf(message, "Report")).modal();
  await actor(t, userId).submitModal(modal.custom_id, { reason }, message).reply();
  expect(logPosts()).toHaveLength(before + 1);
  return logPosts().at(-1) as StoredMessage;
}

/** The librarian accepts; resolves with the message in the request's thread that has Report. */
async function acceptedThreadMessage(seeker: string, librarian: string, card: StoredMessage) {
  await actor(t, librarian).click(card, customIdOf(card, "Accept")).reply();
  await t.emulator.waitUntil(() => openRequest(t, seeker, librarian).threadId !== undefined);
  const threadId = openRequest(t, seeker, librarian).threadId ?? "";
  const withReport = () => t.emulator.channelMessages(threadId).find((m) => labelsOf(m).includes("Report"));
  await t.emulator.waitUntil(() => withReport() !== undefined);
  return withReport() as StoredMessage;
}

/** A moderator presses the post's one action button; resolves with the post as it then reads. */
async function moderatorPresses(post: StoredMessage, label: string): Promise<string> {
  await actor(t, moderator()).click(post, customIdOf(post, label)).reply();
  await t.emulator.waitUntil(() => labelsOf(t.emulator.message(post.id)).length === 0);
  return t.emulator.message(post.id)?.content ?? "";
}

describe("a seeker who reported, was reported and was stopped deletes their data", () => {
  it("keeps the reports and the stop under a one-way code, still refuses them, and the old buttons still work", async () => {
    const rude = await newLibrarian("Harlow", "special");
    const reporter = await newLibrarian("Indigo", "special");
    await newLibrarian("Juniper", "special");
    const seeker = newMember(t, "Ellery");
    const accepted = await askAndDeliver(t, seeker, rude, "Harlow", { type: "special" });
    const asked = await askAndDeliver(t, seeker, reporter, "Indigo", { type: "special" });
    const theirWords = "Harlow asked me for money before they would meet.";
    const aboutLibrarian = await report(
      seeker,
      await acceptedThreadMessage(seeker, rude, accepted.card),
      theirWords,
    );
    const wordsAboutThem = "Ellery sent me messages at 3am demanding a reference letter.";
    const aboutSeeker = await report(reporter, asked.card, wordsAboutThem);
    expect(await moderatorPresses(aboutSeeker, "Stop this seeker asking anyone")).toMatch(
      /stopped this seeker asking anyone on this server \(.*\)\.$/,
    );

    // Before: their export shows their report and the stop, but not the report about them.
    const before = await exported(seeker);
    expect(before.reportsMade).toEqual([expect.objectContaining({ reportedId: rude, reason: theirWords })]);
    expect(before.askingStopped).toEqual({ since: expect.any(Number) });
    expect(JSON.stringify(before)).not.toContain("3am");
    expect(before.notShown).toMatch(/reports others made about you/);

    const done = await deleteMyData(seeker);
    expect(done).toMatch(
      /Kept to protect others: .*stop on your requests.*reports you made or that name you/,
    );

    // Nothing holds their id, name or words; the kept records hold the code instead.
    expect(await recordsHolding(seeker)).toEqual([]);
    expect(await recordsHolding("Ellery")).toEqual([]);
    expect(await recordsHolding(theirWords)).toEqual([]);
    expect(await recordsHolding(wordsAboutThem)).toEqual([]);
    const code = services().requests.safety.codeOf(guildId(), seeker);
    expect(await recordsHolding(code)).toEqual(
      [
        guildKey(guildId(), "report", `${accepted.request.id}:${code}`),
        guildKey(guildId(), "report", `${asked.request.id}:${reporter}`),
        // The accepted request and the waiting one were withdrawn by the deletion: waits before asking again.
        guildKey(guildId(), "safety-cooldown", `${rude}:${code}`),
        guildKey(guildId(), "safety-cooldown", `${reporter}:${code}`),
        guildKey(guildId(), "safety-stop", code),
      ].sort(),
    );

    // Deleting their data did not lift the stop.
    const refused = await (await clickAsk(t, seeker, "Juniper", "special")).reply();
    expect(refused.content).toMatch(/^Sorry, you can't send interview requests on this server at the moment/);
    expect(services().requests.queries.listFor(guildId(), seeker).asSeeker).toEqual([]);

    // The report they made can still be acted on: the librarian they reported is paused.
    expect(await moderatorPresses(aboutLibrarian, "Pause this librarian")).toMatch(/paused this librarian/);
    expect(services().mentors.get(guildId(), rude)?.pausedAt).toBeDefined();
    expect(await recordsHolding(seeker)).toEqual([]);

    const after = await exported(seeker);
    expect(after.reportsMade).toEqual([]);
    expect(after.askingStopped).toBeNull();
    expect(after.keptAfterDeletion).toMatch(
      /a moderator's stop on your requests.*reports you made or that name you/,
    );
    expect(JSON.stringify(after)).not.toContain(code);
  });
});

describe("a reported seeker deletes their data before a moderator acts", () => {
  it("the moderator can still stop them, by the kept code, and the post says so", async () => {
    const reporter = await newLibrarian("Kestrel", "corporate");
    await newLibrarian("Linden", "corporate");
    const seeker = newMember(t, "Marlowe");
    const { card } = await askAndDeliver(t, seeker, reporter, "Kestrel", { type: "corporate" });
    const post = await report(reporter, card, "Marlowe threatened me when I declined.");
    await deleteMyData(seeker);

    expect(await moderatorPresses(post, "Stop this seeker asking anyone")).toMatch(
      /stopped this seeker asking anyone on this server \(.*\)\. They have deleted their data, so the stop is kept under a one-way code/,
    );
    const refused = await (await clickAsk(t, seeker, "Linden", "corporate")).reply();
    expect(refused.content).toMatch(/^Sorry, you can't send interview requests on this server at the moment/);
    expect(await recordsHolding(seeker)).toEqual([]);
    expect(await recordsHolding("Marlowe")).toEqual([]);
  });
});

describe("a librarian who reported and was reported leaves with /mentor leave", () => {
  it("keeps both reports without their id, and Pause on the report about them says they deleted their data", async () => {
    const librarian = await newLibrarian("Nova", "government");
    const reported = newMember(t, "Orion");
    const reporting = newMember(t, "Perrin");
    const first = await askAndDeliver(t, reported, librarian, "Nova", { type: "government" });
    await report(librarian, first.card, "Orion was abusive in the thread.");
    const second = await askAndDeliver(t, reporting, librarian, "Nova", { type: "government" });
    const aboutThem = await report(
      reporting,
      await acceptedThreadMessage(reporting, librarian, second.card),
      "Nova never turned up, twice.",
    );

    const prompt = await actor(t, librarian).command("mentor", { subcommand: "leave" }).reply();
    expect(prompt.content).toMatch(
      /Reports you made or that name you as a librarian stay with the moderators/,
    );
    await actor(t, librarian).click(prompt, customIdOf(prompt, "Yes, delete my profile")).reply();

    expect(await recordsHolding(librarian)).toEqual([]);
    expect(await recordsHolding("Nova")).toEqual([]);
    const code = services().requests.safety.codeOf(guildId(), librarian);
    expect(await recordsHolding(code)).toEqual(
      [
        guildKey(guildId(), "report", `${first.request.id}:${code}`),
        guildKey(guildId(), "report", `${second.request.id}:${reporting}`),
      ].sort(),
    );
    expect(await moderatorPresses(aboutThem, "Pause this librarian")).toMatch(
      /pressed Pause \(.*\), but this librarian has deleted their data and is no longer listed/,
    );
    expect(await recordsHolding(librarian)).toEqual([]);
  });
});

it("logged no unexpected errors", () => {
  expect(t.logs.filter((line) => Number(line.level) >= 50)).toEqual([]);
});
