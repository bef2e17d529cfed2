import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startTestBot, type TestBot } from "../support/harness.js";
import { customIdOf } from "../support/messages.js";
import { askAndDeliver, listLibrarian, newMember, waitForDm } from "../support/requests.js";

// What the bot says will happen still happens when Discord fails for a while (its 500s, as in an
// outage), not only after a crash: the owed notice is tried again and sent once.
let t: TestBot;
let librarian: string;
const services = () => t.bot.context.services;

beforeAll(async () => {
  t = await startTestBot({ env: { REQUEST_EXPIRY: "1h" } });
  librarian = t.seed.members.librarian;
  await listLibrarian(t, librarian);
});
afterAll(async () => {
  await t?.stop();
});

describe("a Discord outage", () => {
  it("delays the seeker's decline notice, which is sent once Discord is back", async () => {
    const seeker = newMember(t, "Ari");
    const { request, card } = await askAndDeliver(t, seeker, librarian, "Casey");
    // Opening the seeker's DM channel fails, with discord.js's three retries.
    t.emulator.failNext("POST", /^\/users\/@me\/channels$/, 4);
    const modal = await t.emulator.as(librarian).click(card, customIdOf(card, "Decline")).modal();
    const submit = t.emulator.as(librarian).submitModal(modal.custom_id, { reason: "" });
    await submit.reply();
    // The librarian is not told it failed: it is owed, and will be sent.
    expect((await submit.waitForFollowUp()).content).toMatch(/^Declined\. I told Ari kindly/);
    const record = () => services().requests.records.get(t.seed.guildId, request.id);
    expect(record()?.state).toBe("declined");
    expect(record()?.effects).toContain("tell-declined");

    const told = await waitForDm(t, seeker, (m) => m.content.includes("can't take your"), 20_000);
    expect(told).toBeDefined();
    await vi.waitFor(() => expect(record()?.effects ?? []).not.toContain("tell-declined"));
    expect(t.emulator.dmMessages(seeker).filter((m) => m.content.includes("can't take your"))).toHaveLength(
      1,
    );
  }, 30_000);
});
