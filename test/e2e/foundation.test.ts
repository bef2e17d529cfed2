import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIBRARY_TYPES } from "../../src/data/library-types.js";
import { NEAREST_TYPES } from "../../src/data/nearest-types.js";
import { TYPE_QUESTIONS } from "../../src/data/questions.js";
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
const firstAcademicQuestion = () => TYPE_QUESTIONS.academic[0]?.questions[0] ?? "";

describe("/questions", () => {
  it("answers with the academic checklist, privately, with paging and DM buttons", async () => {
    const handle = seeker().command("questions", { "library-type": "academic" });
    const reply = await handle.reply();
    expect(handle.ephemeral).toBe(true);
    const embed = reply.embeds[0];
    expect(embed?.title).toBe("Informational interview questions: Academic library");
    expect(embed?.description).toContain(`1. ⭐ ${firstAcademicQuestion()}`);
    expect(embed?.footer?.text).toMatch(/^Page 1 of 6 · ⭐ good to open with · .*\/guide/);
    // The first page asks about liaison departments and one-shot sessions: both are explained.
    expect(embed?.description).toMatch(/\nIn `\/glossary`: .*Liaison/);
    expect(embed?.description).toMatch(/In `\/glossary`: .*One-shot/);
    expect(labelsOf(reply)).toEqual(["Previous", "Next", "Send to my DMs", "Sector card"]);
    expect(t.emulator.unhandledRoutes).toEqual([]);
  });

  it("accepts aliases and posts publicly with share:true", async () => {
    const handle = seeker().command("questions", { "library-type": "Public", share: true });
    const reply = await handle.reply();
    expect(handle.ephemeral).toBe(false);
    expect(reply.embeds[0]?.title).toContain("Public library");
    expect(t.emulator.channelMessages(t.seed.channels.general).some((m) => m.id === reply.id)).toBe(true);
  });

  it("answers an unknown type with an ephemeral suggestion", async () => {
    const handle = seeker().command("questions", { "library-type": "acadmic" });
    const reply = await handle.reply();
    expect(handle.ephemeral).toBe(true);
    expect(reply.content).toMatch(
      /I don't know the library type "acadmic"\. Did you mean Academic library \(academic\)/,
    );
  });

  it("autocompletes library types, public-library first for 'pub'", async () => {
    const choices = await seeker().autocomplete("questions", { "library-type": "pub" }, "library-type");
    expect(choices[0]?.value).toBe("public-library");
    const all = await seeker().autocomplete("questions", { "library-type": "" }, "library-type");
    expect(all).toHaveLength(LIBRARY_TYPES.length);
  });

  it("autocompletes what seekers type to the type they mean, every choice uncut", async () => {
    const first = async (typed: string) =>
      (await seeker().autocomplete("questions", { "library-type": typed }, "library-type"))[0];
    expect((await first("med"))?.value).toBe("medical");
    expect((await first("law"))?.value).toBe("law");
    expect((await first("law school"))?.value).toBe("law");
    expect((await first("nursing"))?.value).toBe("medical");
    // A kind of library without a type of its own is offered as itself, pointing at the nearest type.
    expect(await first("zoo")).toEqual({ name: "Museum library (nearest to zoo)", value: "zoo" });
    expect(await first("Botanical")).toEqual({
      name: "Museum library (nearest to botanical garden)",
      value: "botanical-garden",
    });
    // A role is offered as itself first (the command then explains it), then every type in order.
    const role = await seeker().autocomplete("questions", { "library-type": "metadata" }, "library-type");
    expect(role[0]).toEqual({
      name: "cataloging is a role in every kind of library: pick a library type below",
      value: "metadata",
    });
    expect(role.slice(1).map((choice) => choice.value)).toEqual(LIBRARY_TYPES.map((type) => type.slug));
    const all = await seeker().autocomplete("questions", { "library-type": "" }, "library-type");
    for (const choice of all) {
      const type = LIBRARY_TYPES.find((candidate) => candidate.slug === choice.value);
      expect(choice.name).toBe(`${type?.name}: ${type?.description}`);
      expect(choice.name.length).toBeLessThanOrEqual(100);
    }
  });

  it("says in one sentence why a kind of library is answered with its nearest type", async () => {
    const prison = NEAREST_TYPES.find((near) => near.aliases.includes("prison"));
    const reply = await seeker().command("questions", { "library-type": "prison" }).reply();
    expect(reply.content).toBe(prison?.note);
    expect(reply.content).toMatch(/^Prison libraries aren't a type of their own here/);
    expect(reply.embeds[0]?.title).toBe("Informational interview questions: Public library");

    const direct = await seeker().command("questions", { "library-type": "public-library" }).reply();
    expect(direct.content ?? "").toBe("");

    const zoo = NEAREST_TYPES.find((near) => near.aliases.includes("zoo"));
    const found = await seeker().command("findmentor", { "library-type": "zoo" }).reply();
    expect(found.content?.split("\n")[0]).toBe(zoo?.note);
    expect(found.content).toContain("Museum library");
  });

  it("answers a role typed as a library type with where to put it", async () => {
    for (const command of ["questions", "findmentor"]) {
      const handle = seeker().command(command, { "library-type": "cataloguing" });
      const reply = await handle.reply();
      expect(handle.ephemeral).toBe(true);
      expect(reply.content).toMatch(
        /^Cataloging is a role found in every kind of library, not a library type: .*role:cataloging/,
      );
      expect(reply.content).not.toMatch(/Did you mean/);
    }
  });

  it("pages for the invoker and refuses anyone else, whatever the button says", async () => {
    const shared = await seeker().command("questions", { "library-type": "academic", share: true }).reply();
    const page2 = await seeker().click(shared, customIdOf(shared, "Next")).reply();
    expect(page2.embeds[0]?.footer?.text).toMatch(/^Page 2 of 6/);
    const secondTopic = TYPE_QUESTIONS.academic[1];
    expect(page2.embeds[0]?.description).toContain(secondTopic?.questions[0] ?? "?");

    const other = librarian().click(page2, customIdOf(page2, "Next"));
    const refusal = await other.reply();
    expect(other.ephemeral).toBe(true);
    expect(refusal.content).toMatch(/isn't yours/);
    expect(t.emulator.message(shared.id)?.embeds[0]?.footer?.text).toMatch(/^Page 2 of 6/);
  });

  it("sends the whole checklist by DM, or says the DMs are closed", async () => {
    const reply = await seeker().command("questions", { "library-type": "law" }).reply();
    const dmId = customIdOf(reply, "Send to my DMs");
    const sent = await seeker().click(reply, dmId).reply();
    expect(sent.content).toMatch(/in your DMs/);
    const dms = t.emulator
      .dmMessages(t.seed.members.seeker)
      .map((m) => m.content)
      .join("\n");
    for (const section of TYPE_QUESTIONS.law)
      for (const question of section.questions) expect(dms).toContain(question);
    expect(dms).toContain("Law library");

    t.emulator.setDmsOpen(t.seed.members.librarian, false);
    const own = await librarian().command("questions", { "library-type": "law" }).reply();
    const closed = await librarian().click(own, dmId).reply();
    expect(closed.content).toMatch(/couldn't DM you/);
    expect(t.emulator.dmMessages(t.seed.members.librarian)).toHaveLength(0);
    t.emulator.setDmsOpen(t.seed.members.librarian, true);
  });
});

describe("/guide and /help", () => {
  it("explains informational interviews with a thank-you template", async () => {
    const handle = seeker().command("guide");
    const reply = await handle.reply();
    expect(handle.ephemeral).toBe(true);
    const names = reply.embeds[0]?.fields?.map((field) => field.name) ?? [];
    expect(names).toEqual(expect.arrayContaining(["What it is", "What it is not", "How to ask"]));
    const text = JSON.stringify(reply.embeds[0]);
    expect(text).toMatch(/20 or 30 minutes \(45 at most\)/);
    expect(text).toMatch(/\[Name\]/);
  });

  it("lists every registered command, grouped by who it is for", async () => {
    const reply = await seeker().command("help").reply();
    const fields = reply.embeds[0]?.fields ?? [];
    expect(fields.map((field) => field.name)).toContain("For job-seekers");
    const text = fields.map((field) => field.value).join("\n");
    for (const command of t.emulator.commands(t.seed.guildId)) expect(text).toContain(`/${command.name}`);
  });
});

describe("resilience", () => {
  it("resumes after the gateway closes with 4000 and answers the next command", async () => {
    const before = t.emulator.gatewayStats.resumes;
    t.emulator.closeGatewayConnections(4000);
    await t.emulator.waitUntil(() => t.emulator.gatewayStats.resumes > before, 5000, "a RESUME");
    const reply = await seeker().command("help").reply();
    expect(reply.embeds[0]?.title).toContain("Reference Desk");
    expect(t.emulator.gatewayStats.identifies).toBe(1);
  });
});
