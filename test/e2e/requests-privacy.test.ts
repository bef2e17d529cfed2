import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXPORT_FILE_NAME } from "../../src/commands/privacy.js";
import { startTestBot, type TestBot } from "../support/harness.js";
import { customIdOf, labelsOf } from "../support/messages.js";
import { actor, askAndDeliver, listLibrarian, NOTE, newMember, waitForDm } from "../support/requests.js";

let t: TestBot;
const services = () => t.bot.context.services;
const guildId = () => t.seed.guildId;

beforeAll(async () => {
  t = await startTestBot({ env: { REQUEST_EXPIRY: "1h", FIRST_CONTACT_NUDGE: "1h" } });
});
afterAll(async () => {
  await t?.stop();
});

async function exported(userId: string) {
  const handle = actor(t, userId).command("privacy", { subcommand: "export" });
  const reply = await handle.reply();
  expect(handle.ephemeral).toBe(true);
  expect(reply.content).toBe(`Sent: \`${EXPORT_FILE_NAME}\` is in your DMs.`);
  const dm = t.emulator.dmMessages(userId).findLast((m) => m.files.length > 0);
  const file = dm?.files[0];
  expect(file?.filename).toBe(EXPORT_FILE_NAME);
  return JSON.parse(file?.content.toString("utf8") ?? "null");
}

async function deleteMyData(userId: string) {
  const prompt = await actor(t, userId).command("privacy", { subcommand: "delete-my-data" }).reply();
  expect(prompt.content).toMatch(/can't be undone/);
  const handle = actor(t, userId).click(prompt, customIdOf(prompt, "Delete my data"));
  await t.emulator.waitUntil(() => (t.emulator.message(prompt.id)?.content ?? "").startsWith("Done."));
  return { handle, done: t.emulator.message(prompt.id)?.content ?? "" };
}

describe("/privacy", () => {
  it("exports a user's data as a JSON file by DM, on both sides of a request", async () => {
    const librarian = newMember(t, "Casey");
    await listLibrarian(t, librarian);
    const seeker = newMember(t, "Jordan");
    const { request } = await askAndDeliver(t, seeker, librarian, "Casey");

    const theirs = await exported(librarian);
    expect(theirs).toMatchObject({ guildId: guildId(), userId: librarian, requestsSent: [], blocksMade: [] });
    expect(theirs.mentorProfile).toMatchObject({ displayName: "Casey", institution: "State University" });
    expect(theirs.requestsReceived).toEqual([expect.objectContaining({ id: request.id, note: NOTE })]);

    const mine = await exported(seeker);
    expect(mine.mentorProfile).toBeNull();
    expect(mine.requestsSent).toEqual([expect.objectContaining({ id: request.id, state: "pending" })]);
  });

  it("says so when the user's DMs are closed", async () => {
    const seeker = newMember(t, "Sam");
    t.emulator.setDmsOpen(seeker, false);
    const reply = await actor(t, seeker).command("privacy", { subcommand: "export" }).reply();
    expect(reply.content).toMatch(/^I couldn't DM you: your DMs are closed/);
    expect(t.emulator.dmMessages(seeker)).toHaveLength(0);
  });

  it("deletes a seeker's data: the librarian is told, their copy of the note is blanked, nothing is left", async () => {
    const librarian = newMember(t, "Avery");
    await listLibrarian(t, librarian, { displayName: "Avery", libraryTypes: ["law"] });
    const seeker = newMember(t, "Riley");
    const { request, card } = await askAndDeliver(t, seeker, librarian, "Avery", { type: "law" });
    const before = (await exported(librarian)).requestsReceived;
    expect(before).toHaveLength(1);

    const { done } = await deleteMyData(seeker);
    expect(done).toMatch(
      /^Done\. I deleted 1 interview request, 0 blocks\. 1 person was told their open request with you was withdrawn\. Kept to protect others: /,
    );
    const told = await waitForDm(t, librarian, (m) =>
      m.content.startsWith("The informational interview request"),
    );
    expect(told.content).toContain("from **Riley** (Law library) was withdrawn: they left Reference Desk");
    await t.emulator.waitUntil(() => t.emulator.message(card.id)?.embeds.length === 0);
    expect(t.emulator.message(card.id)?.content).toMatch(/details deleted at the person's request/);
    expect(labelsOf(t.emulator.message(card.id))).toEqual([]);

    expect(services().requests.records.get(guildId(), request.id)).toBeUndefined();
    expect((await exported(librarian)).requestsReceived).toEqual([]);
    expect(services().requests.privacy.exportFor(guildId(), seeker).requestsSent).toEqual([]);
  });

  it("deletes a librarian's data: their profile goes and the seeker hears the request was withdrawn", async () => {
    const librarian = newMember(t, "Blake");
    await listLibrarian(t, librarian, { displayName: "Blake", libraryTypes: ["museum"] });
    const seeker = newMember(t, "Kit");
    await askAndDeliver(t, seeker, librarian, "Blake", { type: "museum" });

    const { done } = await deleteMyData(librarian);
    expect(done).toMatch(
      /^Done\. I deleted your librarian profile, 1 interview request, 0 blocks\. 1 person was told/,
    );
    const told = await waitForDm(t, seeker, (m) => m.content.includes("was withdrawn"));
    expect(told.content).toMatch(
      /^Your informational interview request to \*\*Blake\*\* \(Museum library\) was withdrawn/,
    );
    expect(services().mentors.get(guildId(), librarian)).toBeUndefined();
    expect(services().requests.privacy.exportFor(guildId(), seeker).requestsSent).toEqual([]);
    const search = await actor(t, seeker).command("findmentor", { "library-type": "museum" }).reply();
    expect(labelsOf(search)).not.toContain("Ask Blake");
    // Told once: leaving the directory found nothing more to withdraw.
    expect(t.emulator.dmMessages(seeker).filter((m) => m.content.includes("was withdrawn"))).toHaveLength(1);
  });
});

it("logged no unexpected errors", () => {
  expect(t.logs.filter((line) => Number(line.level) >= 50)).toEqual([]);
});
