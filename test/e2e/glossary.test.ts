import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GLOSSARY } from "../../src/data/glossary.js";
import { startTestBot, type TestBot } from "../support/harness.js";

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
});
afterAll(async () => {
  await t?.stop();
});

const seeker = () => t.emulator.as(t.seed.members.seeker, { guildId: t.seed.guildId });

describe("/glossary", () => {
  it("explains a term typed any way, privately, with where it belongs", async () => {
    const handle = seeker().command("glossary", { term: "one shot" });
    const reply = await handle.reply();
    expect(handle.ephemeral).toBe(true);
    const embed = reply.embeds[0];
    expect(embed?.title).toBe("One-shot");
    expect(embed?.description).toMatch(/single library class/);
    const fields = Object.fromEntries((embed?.fields ?? []).map((field) => [field.name, field.value]));
    expect(fields["Where you'll hear it"]).toContain("Academic library");
    expect(fields.Roles).toContain("instruction librarian");
    expect(t.emulator.unhandledRoutes).toEqual([]);
  });

  it("finds a term by an alias and posts it for everyone with share:true", async () => {
    const handle = seeker().command("glossary", { term: "GS-1410", share: true });
    const reply = await handle.reply();
    expect(handle.ephemeral).toBe(false);
    expect(reply.embeds[0]?.title).toBe("1410 (Librarian series)");
    expect(t.emulator.channelMessages(t.seed.channels.general).some((m) => m.id === reply.id)).toBe(true);
  });

  it("answers a typo privately with the closest terms", async () => {
    const handle = seeker().command("glossary", { term: "provenence" });
    const reply = await handle.reply();
    expect(handle.ephemeral).toBe(true);
    expect(reply.embeds).toHaveLength(0);
    expect(reply.content).toMatch(/I don't have "provenence" in the glossary\. Did you mean .*Provenance/);
  });

  it("shows the index by area with no term", async () => {
    const handle = seeker().command("glossary");
    const reply = await handle.reply();
    expect(handle.ephemeral).toBe(true);
    const embed = reply.embeds[0];
    expect(embed?.title).toBe(`Library job glossary: ${GLOSSARY.length} terms`);
    expect(embed?.description).toContain("/glossary term:");
    const listed = (embed?.fields ?? []).map((field) => field.value).join(", ");
    for (const entry of GLOSSARY) expect(listed).toContain(entry.term);
  });

  it("autocompletes terms: the best match first, 25 at most, names within 100 characters", async () => {
    const typed = await seeker().autocomplete("glossary", { term: "fdl" }, "term");
    expect(typed[0]?.value).toBe("FDLP");
    expect(typed[0]?.name).toMatch(/^FDLP: The Federal Depository Library Program/);
    const all = await seeker().autocomplete("glossary", { term: "" }, "term");
    expect(all).toHaveLength(25);
    for (const choice of all) expect(choice.name.length).toBeLessThanOrEqual(100);
    const picked = await seeker()
      .command("glossary", { term: String(all[3]?.value) })
      .reply();
    expect(picked.embeds[0]?.title).toBe(all[3]?.value);
  });

  it("is listed by /help for job-seekers", async () => {
    const reply = await seeker().command("help").reply();
    const seekers = reply.embeds[0]?.fields?.find((field) => field.name === "For job-seekers");
    expect(seekers?.value).toContain("/glossary [term] [share]");
  });
});
