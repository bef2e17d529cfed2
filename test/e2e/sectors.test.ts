import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SECTOR_CARDS } from "../../src/data/sector-cards.js";
import { startTestBot, type TestBot } from "../support/harness.js";
import { customIdOf, labelsOf } from "../support/messages.js";

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
});
afterAll(async () => {
  await t?.stop();
});

const seeker = () => t.emulator.as(t.seed.members.seeker, { guildId: t.seed.guildId });
const librarian = () => t.emulator.as(t.seed.members.librarian, { guildId: t.seed.guildId });
const fieldsOf = (embed: { fields?: { name: string; value: string }[] } | undefined) =>
  Object.fromEntries((embed?.fields ?? []).map((field) => [field.name, field.value]));

describe("sector cards", () => {
  it("opens the type's card privately from a /questions page", async () => {
    const page = await seeker().command("questions", { "library-type": "law" }).reply();
    expect(labelsOf(page)).toContain("Sector card");
    const handle = seeker().click(page, customIdOf(page, "Sector card"));
    const card = await handle.reply();
    expect(handle.ephemeral).toBe(true);
    expect(card.embeds[0]?.title).toBe("Sector card: Law library");
    const fields = fieldsOf(card.embeds[0]);
    expect(fields["Where salary data is published"]).toContain("AALL Biennial Salary Survey");
    expect(fields.Credentials).toContain("JD");
    expect(fields.Sources).toBe(SECTOR_CARDS.law.sources.join(" · "));
    expect(t.emulator.unhandledRoutes).toEqual([]);
  });

  it("lets anyone open the card from a shared checklist, for themselves", async () => {
    const shared = await seeker().command("questions", { "library-type": "medical", share: true }).reply();
    const handle = librarian().click(shared, customIdOf(shared, "Sector card"));
    const card = await handle.reply();
    expect(handle.ephemeral).toBe(true);
    expect(card.embeds[0]?.title).toBe("Sector card: Medical and health sciences library");
    expect(fieldsOf(card.embeds[0]).Credentials).toContain("AHIP");
  });

  it("offers the card when /findmentor finds nobody", async () => {
    const nobody = await seeker().command("findmentor", { "library-type": "corporate" }).reply();
    expect(nobody.content).toMatch(/No librarians for \*\*Corporate library\*\*/);
    expect(nobody.content).toContain("Sector card");
    expect(labelsOf(nobody)).toEqual(["Sector card"]);
    const card = await seeker().click(nobody, customIdOf(nobody, "Sector card")).reply();
    expect(card.embeds[0]?.title).toBe("Sector card: Corporate library");
    expect(fieldsOf(card.embeds[0])["Typical hiring timeline"]).toContain("/findmentor");
  });
});
