import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLOSING_QUESTIONS } from "../../src/data/openers.js";
import { COMMON_QUESTIONS, TYPE_QUESTIONS } from "../../src/data/questions.js";
import { ROLE_QUESTIONS } from "../../src/data/role-questions.js";
import { startTestBot, type TestBot } from "../support/harness.js";
import { customIdOf, labelsOf } from "../support/messages.js";
import { listLibrarian, newMember } from "../support/requests.js";

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
});
afterAll(async () => {
  await t?.stop();
});

const seeker = () => t.emulator.as(t.seed.members.seeker, { guildId: t.seed.guildId });
const questionsOf = (sections: readonly { questions: readonly string[] }[]) =>
  sections.flatMap((s) => s.questions);

describe("/questions with a role", () => {
  it("shows a role alone: its own questions, then the common ones", async () => {
    const handle = seeker().command("questions", { role: "cataloguing" });
    const reply = await handle.reply();
    expect(handle.ephemeral).toBe(true);
    const embed = reply.embeds[0];
    expect(embed?.title).toBe("Informational interview questions: Cataloging and metadata");
    expect(embed?.description).toContain("**Cataloging and metadata: The work, day to day**");
    expect(embed?.description).toContain(`1. ${ROLE_QUESTIONS.cataloging[0]?.questions[0]}`);
    expect(embed?.footer?.text).toMatch(/^Page 1 of 6 · /);
    expect(labelsOf(reply)).toEqual(["Previous", "Next", "Send to my DMs"]);
  });

  it("pages through role, then type, then common questions with Next", async () => {
    let page = await seeker()
      .command("questions", { "library-type": "community-college", role: "instruction" })
      .reply();
    expect(page.embeds[0]?.title).toBe(
      "Informational interview questions: Instruction · Community college library",
    );
    const seen: string[] = [page.embeds[0]?.description ?? ""];
    for (let i = 2; i <= 10; i++) {
      page = await seeker().click(page, customIdOf(page, "Next")).reply();
      expect(page.embeds[0]?.footer?.text).toMatch(new RegExp(`^Page ${i} of 10 `));
      expect(page.embeds[0]?.title).toContain("Instruction · Community college library");
      seen.push(page.embeds[0]?.description ?? "");
    }
    expect(seen[3]).toContain("**Instruction: Skills, education and growth**");
    expect(seen[4]).toContain("**Community college library: The work, day to day**");
    expect(seen[8]).toContain("**For any library**");
    expect(seen[9]).toContain("**To close**");
    const text = seen.join("\n");
    const expected = [
      ...questionsOf(ROLE_QUESTIONS.instruction),
      ...questionsOf(TYPE_QUESTIONS["community-college"]),
      ...questionsOf(COMMON_QUESTIONS),
      ...CLOSING_QUESTIONS,
    ];
    // Questions to open with carry a mark between the number and the question.
    for (const [i, question] of expected.entries())
      expect(text).toMatch(new RegExp(`${i + 1}\\. (⭐ )?${escapeRegExp(question)}`));
    expect(labelsOf(page)).toEqual(["Previous", "Next", "Send to my DMs", "Sector card"]);
    const back = await seeker().click(page, customIdOf(page, "Previous")).reply();
    expect(back.embeds[0]?.footer?.text).toMatch(/^Page 9 of 10 /);
  });

  it("keeps the role and a topic in the buttons, and sends the role's questions by DM", async () => {
    const reply = await seeker()
      .command("questions", { "library-type": "law", role: "copyright", topic: "hiring-and-career" })
      .reply();
    expect(reply.embeds[0]?.footer?.text).toMatch(/^Page 1 of 4 /);
    const next = await seeker().click(reply, customIdOf(reply, "Next")).reply();
    expect(next.embeds[0]?.description).toContain("**Law library: Hiring and career path**");
    await seeker().click(reply, customIdOf(reply, "Send to my DMs")).reply();
    const dms = t.emulator
      .dmMessages(t.seed.members.seeker)
      .map((m) => m.content)
      .join("\n");
    expect(dms).toContain("Scholarly communication and copyright · Law library");
    const hiring = (sections: typeof COMMON_QUESTIONS) =>
      sections.find((s) => s.topic === "hiring-and-career")?.questions ?? [];
    for (const q of hiring(ROLE_QUESTIONS["scholarly-communication"])) expect(dms).toContain(q);
    for (const q of hiring(TYPE_QUESTIONS.law)) expect(dms).toContain(q);
    expect(dms).not.toContain(ROLE_QUESTIONS["scholarly-communication"][0]?.questions[0] ?? "?");
  });

  it("asks for a type or a role when given neither, and suggests for an unknown role", async () => {
    const neither = seeker().command("questions", {});
    expect((await neither.reply()).content).toMatch(/library-type.*role.*stage/);
    expect(neither.ephemeral).toBe(true);
    const unknown = await seeker().command("questions", { role: "catalogging" }).reply();
    expect(unknown.content).toMatch(
      /I don't know the role "catalogging"\. Did you mean Cataloging and metadata/,
    );
  });

  it("autocompletes roles, in /questions and /findmentor alike", async () => {
    const youth = await seeker().autocomplete("questions", { role: "teen" }, "role");
    expect(youth[0]?.value).toBe("youth-services");
    const all = await seeker().autocomplete("questions", { role: "" }, "role");
    expect(all).toHaveLength(13);
    for (const choice of all) expect(choice.name.length).toBeLessThanOrEqual(100);
    const gis = await seeker().autocomplete(
      "findmentor",
      { "library-type": "academic", role: "GIS" },
      "role",
    );
    expect(gis[0]?.value).toBe("research-data");
    const types = await seeker().autocomplete(
      "questions",
      { "library-type": "pub", role: "" },
      "library-type",
    );
    expect(types[0]?.value).toBe("public-library");
  });
});

describe("/findmentor with a role", () => {
  it("lists only librarians whose topics or role match the role's words", async () => {
    const cataloger = newMember(t, "Cataloger");
    const teacher = newMember(t, "Teacher");
    const mentioned = newMember(t, "Mentioned");
    await listLibrarian(t, cataloger, { role: "Metadata librarian", topics: ["RDA", "authority work"] });
    await listLibrarian(t, teacher, { role: "Instruction librarian", topics: ["instruction"] });
    await listLibrarian(t, mentioned, {
      bio: "I spent one summer helping with cataloging, then went back to teaching.",
    });

    const handle = seeker().command("findmentor", { "library-type": "academic", role: "cataloging" });
    const reply = await handle.reply();
    expect(handle.ephemeral).toBe(true);
    expect(reply.content).toMatch(/\*\*1\*\* librarian for/);
    expect(reply.embeds.map((embed) => embed.title)).toEqual(["Metadata librarian, State University"]);

    const everyone = await seeker().command("findmentor", { "library-type": "academic" }).reply();
    expect(everyone.embeds).toHaveLength(3);
    const unknown = await seeker()
      .command("findmentor", { "library-type": "academic", role: "astronaut" })
      .reply();
    expect(unknown.content).toMatch(/I don't know the role "astronaut"/);

    const nobody = await seeker().command("findmentor", { "library-type": "law", role: "records" }).reply();
    expect(nobody.content).toMatch(/No librarians for \*\*Law library\*\* in \*\*Records management\*\*/);
    expect(nobody.content).toContain("/questions law role:records-management");
  });
});
