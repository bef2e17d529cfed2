import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestBot, type TestBot } from "../support/harness.js";
import { customIdOf, labelsOf } from "../support/messages.js";
import { actor, askAndDeliver, listLibrarian, newMember, waitForDm } from "../support/requests.js";

let t: TestBot;
let casey: string;
let avery: string;
const services = () => t.bot.context.services;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

beforeAll(async () => {
  t = await startTestBot({ env: { REQUEST_EXPIRY: "1h", FIRST_CONTACT_NUDGE: "2h" } });
  casey = t.seed.members.librarian;
  await listLibrarian(t, casey);
  avery = newMember(t, "Avery");
  await listLibrarian(t, avery, { displayName: "Avery" });
});
afterAll(async () => {
  await t?.stop();
});

/** Accepted by the librarian, met and rated by the seeker from the DM that carries We met. */
async function acceptMeetAndRate(seeker: string, librarian: string, name: string, rating: string) {
  const { card } = await askAndDeliver(t, seeker, librarian, name);
  await actor(t, librarian).click(card, customIdOf(card, "Accept")).reply();
  const opening = await waitForDm(t, seeker, (m) => labelsOf(m).includes("We met"));
  const prompt = await actor(t, seeker).click(opening, customIdOf(opening, "We met")).reply();
  await actor(t, seeker).click(prompt, customIdOf(prompt, rating)).reply();
}

const fieldsOf = (message: { embeds: { fields?: { name: string; value: string }[] }[] }) =>
  Object.fromEntries((message.embeds[0]?.fields ?? []).map((field) => [field.name, field.value]));

describe("/stats", () => {
  it("shows what happened: searches, unmet demand by type, the requests and how they went, with a PNG chart", async () => {
    const seeker = newMember(t, "Sam");
    for (const type of ["law", "law", "museum", "academic"])
      await actor(t, seeker).command("findmentor", { "library-type": type }).reply();
    // Each ask below searches academic once more: 4 + 3 searches in all.
    await acceptMeetAndRate(newMember(t, "Quinn"), casey, "Casey", "4");
    await acceptMeetAndRate(newMember(t, "Riley"), avery, "Avery", "2");
    const declinedBy = newMember(t, "Jordan");
    const { card } = await askAndDeliver(t, declinedBy, casey, "Casey");
    const modal = await actor(t, casey).click(card, customIdOf(card, "Decline")).modal();
    await actor(t, casey).submitModal(modal.custom_id, { reason: "" }).reply();
    // A search is counted just after its answer went out.
    await expect.poll(async () => (await services().stats.summary(t.seed.guildId)).searches).toBe(7);

    const handle = actor(t, t.seed.members.moderator).command("stats");
    const shown = await handle.reply();
    expect(handle.ephemeral).toBe(true);
    expect(shown.embeds[0]?.title).toBe("Reference Desk statistics: the last 30 days");
    expect(fieldsOf(shown)).toEqual({
      Searches: "7 searches; 3 found nobody available",
      "Unmet demand (searches that found nobody available, by library type)":
        "Law library 2 · Museum library 1",
      Requests: "Sent 3 · Accepted 2 · Declined 1 · Expired 0",
      Interviews: "Scheduled 0 · Met 2 · No-shows 0",
      "Median time to answer": expect.stringMatching(/^(under a minute|\d+ minutes?) \(3 answers\)$/),
      "Median time to meet": expect.stringMatching(/^(under a minute|\d+ minutes?) \(2 interviews\)$/),
      "Average rating": "3.0 / 5 (2 ratings)",
    });
    const [file] = shown.files;
    expect(file?.filename).toBe("reference-desk-stats.png");
    expect(file?.content.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(file?.content.length).toBeGreaterThan(10_000);
    expect(file?.content.length).toBeLessThan(1_000_000);
    // PNG's header: width and height, big-endian, at bytes 16 and 20.
    expect([file?.content.readUInt32BE(16), file?.content.readUInt32BE(20)]).toEqual([1280, 480]);
    expect(shown.embeds[0]?.image?.url).toBe("attachment://reference-desk-stats.png");
  });

  it("covers the days asked for", async () => {
    // A request sent three days ago counts in a week but not today.
    await services().stats.record(t.seed.guildId, { type: "sent" }, Date.now() - 3 * 86_400_000);
    const week = await actor(t, t.seed.members.moderator).command("stats", { days: 7 }).reply();
    expect(fieldsOf(week).Requests).toBe("Sent 4 · Accepted 2 · Declined 1 · Expired 0");
    const shown = await actor(t, t.seed.members.moderator).command("stats", { days: 1 }).reply();
    expect(shown.embeds[0]?.title).toBe("Reference Desk statistics: today");
    const today = new Date().toISOString().slice(0, 10);
    expect(shown.embeds[0]?.description).toContain(`${today} to ${today}`);
    expect(fieldsOf(shown).Requests).toBe("Sent 3 · Accepted 2 · Declined 1 · Expired 0");
  });

  it("is registered for Manage Server only, so Discord hides it from other members", async () => {
    const registered = t.emulator.commands(t.seed.guildId).find((command) => command.name === "stats");
    expect(registered?.default_member_permissions).toBe("32");
    expect(() => actor(t, newMember(t, "Lee")).command("stats")).toThrow(/lacks default_member_permissions/);
  });
});

it("logged no unexpected errors", () => {
  expect(t.logs.filter((line) => Number(line.level) >= 50)).toEqual([]);
});
