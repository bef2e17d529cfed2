import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StoredMessage } from "../../emulator/state.js";
import { EXPORT_FILE_NAME } from "../../src/commands/privacy.js";
import { mentorUnpauseKey } from "../../src/domain/timers/index.js";
import { guildKey } from "../../src/store/store.js";
import { startTestBot, type TestBot } from "../support/harness.js";
import { customIdOf, labelsOf } from "../support/messages.js";
import { actor, askAndDeliver, listLibrarian, newMember, waitForDm } from "../support/requests.js";

let t: TestBot;
const services = () => t.bot.context.services;
const guildId = () => t.seed.guildId;

beforeAll(async () => {
  t = await startTestBot({ env: { REQUEST_EXPIRY: "1h", FIRST_CONTACT_NUDGE: "1h" } });
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

/** /mentor join as far as the first modal, then walks away: a draft holding what they typed. */
async function abandonJoin(userId: string, institution: string): Promise<void> {
  const as = actor(t, userId);
  let message = await as.command("mentor", { subcommand: "join" }).reply();
  message = await as.select(message, "mentor-types", ["archives"]).reply();
  message = await as.select(message, "mentor-formats", ["video"]).reply();
  await as.click(message, customIdOf(message, "Next: about your work")).modal();
  await as
    .submitModal(
      "mentor-about",
      { role: "Archivist", institution, region: "Coast", timeZone: "UTC", topics: "appraisal" },
      message,
    )
    .reply();
}

/** A timed pause (a timer) and an unfinished /mentor edit (a draft holding the profile). */
async function pauseAndStartEdit(userId: string): Promise<void> {
  await actor(t, userId)
    .command("mentor", { subcommand: "pause", options: { days: 7 } })
    .reply();
  await actor(t, userId).command("mentor", { subcommand: "edit" }).reply();
  expect(await services().timers.get(mentorUnpauseKey(guildId(), userId))).toBeDefined();
  expect(await services().mentorDrafts.get(guildId(), userId)).toMatchObject({ mode: "edit" });
}

async function block(librarian: string, requestId: string): Promise<void> {
  await services().requests.blocks.blockRequester(guildId(), requestId, librarian);
}

/** "Ask <name>" on an earlier search, and the form sent: the bot's answer. */
async function askFrom(results: StoredMessage, seeker: string, name: string) {
  const form = await actor(t, seeker)
    .click(results, customIdOf(results, `Ask ${name}`))
    .modal();
  return actor(t, seeker)
    .submitModal(form.custom_id, { note: note("anything"), format: "video" })
    .reply();
}

const note = (topic: string) =>
  `I would love to hear how you came to work on ${topic}, and what a day is like.`;

describe("a seeker deletes their data", () => {
  it("keeps a librarian's block and a recent request's wait, holding only a one-way code of their id", async () => {
    const blocker = newMember(t, "Harper");
    await listLibrarian(t, blocker, { displayName: "Harper", libraryTypes: ["law"] });
    const asked = newMember(t, "Morgan");
    await listLibrarian(t, asked, { displayName: "Morgan", libraryTypes: ["law"] });
    const other = newMember(t, "Quinn");
    await listLibrarian(t, other, { displayName: "Quinn", libraryTypes: ["law"] });
    const seeker = newMember(t, "Ellison");
    const earlier = await actor(t, seeker).command("findmentor", { "library-type": "law" }).reply();
    const words = note("court records for Ellison");
    const { request } = await askAndDeliver(t, seeker, blocker, "Harper", { type: "law", note: words });
    await block(blocker, request.id);
    await askAndDeliver(t, seeker, asked, "Morgan", { type: "law", note: words });

    const done = await deleteMyData(seeker);
    const search = await actor(t, seeker).command("findmentor", { "library-type": "law" }).reply();
    expect(labelsOf(search)).toContain("Ask Quinn");
    expect(labelsOf(search)).not.toContain("Ask Harper");
    expect(labelsOf(search)).not.toContain("Ask Morgan");
    const cardsToBlocker = t.emulator.dmMessages(blocker).length;
    const refused = await askFrom(earlier, seeker, "Harper");
    expect(refused.content).toMatch(/isn't taking requests from you/);
    const wait = await askFrom(earlier, seeker, "Morgan");
    expect(wait.content).toMatch(/^You asked this librarian on .* this limit lifts on/);
    expect(t.emulator.dmMessages(blocker)).toHaveLength(cardsToBlocker);
    expect(done).toMatch(/^Done\. I deleted 2 interview requests, 0 blocks\. 1 person was told/);
    expect(done).toMatch(/Kept to protect others: .*one-way code of your account id/);

    // Nothing in the store holds their id, name or words; the kept records hold the code instead.
    expect(await recordsHolding(seeker)).toEqual([]);
    expect(await recordsHolding("Ellison")).toEqual([]);
    expect(await recordsHolding(words)).toEqual([]);
    const code = services().requests.safety.codeOf(guildId(), seeker);
    expect(code).toMatch(/^[0-9a-f]{64}$/);
    expect(await recordsHolding(code)).toEqual(
      [
        guildKey(guildId(), "safety-block", `${blocker}:${code}`),
        guildKey(guildId(), "safety-cooldown", `${asked}:${code}`),
        guildKey(guildId(), "safety-cooldown", `${blocker}:${code}`),
      ].sort(),
    );

    // Coming back, they are told what is kept and why, but not whether anything is.
    const theirs = await exported(seeker);
    expect(theirs.keptAfterDeletion).toMatch(
      /one-way code made from your account id.*a librarian's block of you/,
    );
    expect(JSON.stringify(theirs)).not.toContain(code);
    expect((await exported(blocker)).keptToProtectYou.blocksOfDeletedAccounts).toHaveLength(1);
  });

  it("deletes an abandoned /mentor join form, which the export shows first", async () => {
    const person = newMember(t, "Tamsin");
    await abandonJoin(person, "Zanzibar Maritime Archive");
    const theirs = await exported(person);
    const done = await deleteMyData(person);
    expect(await services().mentorDrafts.get(guildId(), person)).toBeUndefined();
    expect(await recordsHolding(person)).toEqual([]);
    expect(await recordsHolding("Zanzibar")).toEqual([]);
    expect((await exported(person)).unfinishedProfileForm).toBeNull();
    expect(done).toMatch(
      /^Done\. I deleted your unfinished `\/mentor` form, 0 interview requests, 0 blocks\./,
    );
    expect(theirs.unfinishedProfileForm).toMatchObject({
      mode: "join",
      institution: "Zanzibar Maritime Archive",
      libraryTypes: ["archives"],
    });
  });
});

describe("a librarian deletes their data", () => {
  /** Listed, asked by one seeker, blocked two (one of whom then deleted their data), paused, editing. */
  async function busyLibrarian(name: string, type: string) {
    const librarian = newMember(t, name);
    await listLibrarian(t, librarian, { displayName: name, libraryTypes: [type] });
    const waiting = newMember(t, "Lane");
    await askAndDeliver(t, waiting, librarian, name, { type });
    const blocked = newMember(t, "Noor");
    await block(librarian, (await askAndDeliver(t, blocked, librarian, name, { type })).request.id);
    const gone = newMember(t, "Oakley");
    await block(librarian, (await askAndDeliver(t, gone, librarian, name, { type })).request.id);
    await deleteMyData(gone);
    await pauseAndStartEdit(librarian);
    return { librarian, waiting, blocked };
  }

  it("with /privacy delete-my-data: profile, pause timer, draft, requests, blocks and what protected them", async () => {
    const { librarian, waiting } = await busyLibrarian("Rowan", "museum");
    const theirs = await exported(librarian);
    const done = await deleteMyData(librarian);
    await waitForDm(t, waiting, (m) => m.content.includes("was withdrawn"));
    expect(await services().timers.get(mentorUnpauseKey(guildId(), librarian))).toBeUndefined();
    expect(await services().mentorDrafts.get(guildId(), librarian)).toBeUndefined();
    expect(await recordsHolding(librarian)).toEqual([]);
    expect(done).toMatch(
      /^Done\. I deleted your librarian profile, your unfinished `\/mentor` form, 2 interview requests, 2 blocks\. 1 person was told/,
    );
    expect(theirs.pauseEndsAt).not.toBeNull();
    expect(theirs.unfinishedProfileForm).toMatchObject({ mode: "edit", institution: "State University" });
    expect(theirs.blocksMade).toEqual([expect.objectContaining({ seekerName: "Noor" })]);
    expect(theirs.keptToProtectYou.blocksOfDeletedAccounts).toHaveLength(1);
  });

  it("with /mentor leave: the same, and the message says so", async () => {
    const { librarian, waiting, blocked } = await busyLibrarian("Sage", "school");
    const prompt = await actor(t, librarian).command("mentor", { subcommand: "leave" }).reply();
    const asked = prompt.content;
    const done = await actor(t, librarian)
      .click(prompt, customIdOf(prompt, "Yes, delete my profile"))
      .reply();
    await waitForDm(t, waiting, (m) => m.content.includes("was withdrawn"));
    expect(await services().timers.get(mentorUnpauseKey(guildId(), librarian))).toBeUndefined();
    expect(await services().mentorDrafts.get(guildId(), librarian)).toBeUndefined();
    expect(services().requests.privacy.exportFor(guildId(), blocked).requestsSent).toEqual([]);
    expect(await recordsHolding(librarian)).toEqual([]);
    expect(done.content).toBe(
      "Done. I deleted your librarian profile, your unfinished `/mentor` form, 2 interview requests sent to you, 2 blocks. Thank you for helping!",
    );
    expect(asked).toMatch(/every interview request sent to you .* your blocks/);

    // A later /privacy delete-my-data finds nothing more.
    expect(await deleteMyData(librarian)).toMatch(/^Done\. I deleted 0 interview requests, 0 blocks\./);
  });
});

describe("/privacy blocks", () => {
  it("lists whom the librarian blocked, by the name on the request, and lifts a block", async () => {
    const librarian = newMember(t, "Wren");
    await listLibrarian(t, librarian, { displayName: "Wren", libraryTypes: ["medical"] });
    const known = newMember(t, "Piper");
    await block(
      librarian,
      (await askAndDeliver(t, known, librarian, "Wren", { type: "medical" })).request.id,
    );
    const gone = newMember(t, "Remy");
    await block(librarian, (await askAndDeliver(t, gone, librarian, "Wren", { type: "medical" })).request.id);
    await deleteMyData(gone);

    const handle = actor(t, librarian).command("privacy", { subcommand: "blocks" });
    const list = await handle.reply();
    expect(handle.ephemeral).toBe(true);
    expect(list.content).toMatch(/^\*\*People you blocked\.\*\*/);
    expect(list.content).toMatch(/\*\*Piper\*\*, blocked/);
    expect(list.content).toMatch(/\*\*Someone who has since deleted their data\*\*, blocked/);
    expect(labelsOf(list)).toEqual(["Unblock Piper", "Unblock Someone who has since deleted their data"]);

    // Only the librarian's own blocks can be lifted.
    const stranger = newMember(t, "Ash");
    const unblockGone = customIdOf(list, "Unblock Someone who has since deleted their data");
    const refused = await actor(t, stranger).click(list, unblockGone).reply();
    expect(refused.content).toMatch(/no such block/);
    expect(services().requests.safety.blocksBy(guildId(), librarian)).toHaveLength(1);

    const after = await actor(t, librarian).click(list, unblockGone).reply();
    expect(after.content).toMatch(/^Unblocked\./);
    expect(labelsOf(after)).toEqual(["Unblock Piper"]);
    expect(services().requests.safety.blocksBy(guildId(), librarian)).toEqual([]);

    const again = await actor(t, librarian).click(after, customIdOf(after, "Unblock Piper")).reply();
    expect(again.content).toMatch(/haven't blocked anyone/);
    expect(services().requests.blocks.isBlocked(guildId(), librarian, known)).toBe(false);
    // No block of theirs is left; the wait kept after Remy's declined request is not a block.
    expect(await recordsHolding(`${librarian}:`)).toEqual(
      [
        guildKey(
          guildId(),
          "safety-cooldown",
          `${librarian}:${services().requests.safety.codeOf(guildId(), gone)}`,
        ),
      ].sort(),
    );
  });
});

it("logged no unexpected errors", () => {
  expect(t.logs.filter((line) => Number(line.level) >= 50)).toEqual([]);
});
