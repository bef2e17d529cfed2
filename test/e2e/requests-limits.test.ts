import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestBot, type TestBot } from "../support/harness.js";
import { customIdOf, labelsOf } from "../support/messages.js";
import { actor, ask, clickAsk, listLibrarian, NOTE, newMember } from "../support/requests.js";

let t: TestBot;
const guildId = () => t.seed.guildId;
const pending = (seeker: string) =>
  t.bot.context.services.requests.queries
    .listFor(guildId(), seeker)
    .asSeeker.filter((r) => r.state === "pending");

beforeAll(async () => {
  t = await startTestBot({ env: { REQUEST_EXPIRY: "1h" } });
  await listLibrarian(t, t.seed.members.librarian);
  await listLibrarian(t, newMember(t, "Avery"), { displayName: "Avery" });
  await listLibrarian(t, newMember(t, "Blake"), { displayName: "Blake" });
  await listLibrarian(t, newMember(t, "Finley"), { displayName: "Finley", libraryTypes: ["museum"] });
  await listLibrarian(t, newMember(t, "Drew"), {
    displayName: "Drew",
    libraryTypes: ["law"],
    monthlyCapacity: 1,
  });
});
afterAll(async () => {
  await t?.stop();
});

describe("limits", () => {
  it("refuses a 4th pending request at the Ask button, saying which limit and when it lifts", async () => {
    const seeker = newMember(t, "Jordan");
    for (const name of ["Casey", "Avery", "Blake"]) await ask(t, seeker, name);
    expect(pending(seeker)).toHaveLength(3);
    const handle = await clickAsk(t, seeker, "Finley", "museum");
    const refusal = await handle.reply();
    expect(handle.ephemeral).toBe(true);
    expect(refusal.content).toMatch(
      /^You already have 3 requests waiting for an answer, the most this server allows at once\. This limit lifts when a librarian answers or you cancel a request, and at the latest on <t:\d+:D>/,
    );
    expect(pending(seeker)).toHaveLength(3);
  });

  it("follows the limit set with /config", async () => {
    const moderator = actor(t, t.seed.members.moderator);
    await moderator.command("config", { "max-pending": 1 }).reply();
    const seeker = newMember(t, "Sky");
    await ask(t, seeker, "Casey");
    const refusal = await (await clickAsk(t, seeker, "Avery")).reply();
    expect(refusal.content).toMatch(/^You already have 1 request waiting/);
    await moderator.command("config", { "max-pending": 3 }).reply();
  });

  it("refuses asking the same librarian again within the cooldown, and gives the note back", async () => {
    const seeker = newMember(t, "Sam");
    const results = await actor(t, seeker).command("findmentor", { "library-type": "academic" }).reply();
    const askCasey = customIdOf(results, "Ask Casey");
    const form = await actor(t, seeker).click(results, askCasey).modal();
    const sent = await actor(t, seeker).submitModal(form.custom_id, { note: NOTE, format: "text" }).reply();
    await actor(t, seeker).click(sent, customIdOf(sent, "Cancel this request")).reply();

    const again = await actor(t, seeker).click(results, askCasey).modal();
    const handle = actor(t, seeker).submitModal(again.custom_id, { note: NOTE, format: "text" });
    const refusal = await handle.reply();
    expect(handle.ephemeral).toBe(true);
    expect(refusal.content).toMatch(
      /^You asked this librarian on <t:\d+:D>\. On this server you can ask the same librarian again 90 days after your last request, so this limit lifts on <t:\d+:D>\./,
    );
    expect(refusal.content).toContain(`What you wrote:\n>>> ${NOTE}`);
    expect(pending(seeker)).toHaveLength(0);
    const fresh = await actor(t, seeker).command("findmentor", { "library-type": "academic" }).reply();
    expect(labelsOf(fresh)).not.toContain("Ask Casey");
  });

  it("refuses a librarian who is at their monthly capacity", async () => {
    const early = newMember(t, "Harper");
    const results = await actor(t, early).command("findmentor", { "library-type": "law" }).reply();
    await ask(t, newMember(t, "Rowan"), "Drew", { type: "law" });

    const handle = actor(t, early).click(results, customIdOf(results, "Ask Drew"));
    const refusal = await handle.reply();
    expect(handle.ephemeral).toBe(true);
    expect(refusal.content).toMatch(
      /^This librarian has already received as many requests this month as they can take\. This limit lifts on <t:\d+:D>/,
    );
    const fresh = await actor(t, early).command("findmentor", { "library-type": "law" }).reply();
    expect(labelsOf(fresh)).not.toContain("Ask Drew");
  });
});
