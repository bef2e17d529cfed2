import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLOSING_QUESTIONS } from "../../src/data/openers.js";
import { COMMON_QUESTIONS, TYPE_QUESTIONS } from "../../src/data/questions.js";
import { STAGE_QUESTIONS } from "../../src/data/stage-questions.js";
import { startTestBot, type TestBot } from "../support/harness.js";
import { customIdOf, labelsOf } from "../support/messages.js";

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

describe("/questions with a career stage", () => {
  it("shows a stage alone: its own questions, then the common ones, and sends them by DM", async () => {
    const handle = seeker().command("questions", { stage: "library technician" });
    const reply = await handle.reply();
    expect(handle.ephemeral).toBe(true);
    const embed = reply.embeds[0];
    expect(embed?.title).toBe("Informational interview questions: Paraprofessional moving up");
    expect(embed?.description).toContain("**Paraprofessional moving up: The library and its people**");
    expect(embed?.description).toContain(`1. ${STAGE_QUESTIONS.paraprofessional[0]?.questions[0]}`);
    expect(embed?.footer?.text).toMatch(/^Page 1 of 5 · /);
    expect(labelsOf(reply)).toEqual(["Previous", "Next", "Send to my DMs"]);

    await seeker().click(reply, customIdOf(reply, "Send to my DMs")).reply();
    const dms = t.emulator
      .dmMessages(t.seed.members.seeker)
      .map((m) => m.content)
      .join("\n");
    expect(dms).toContain("Informational interview questions: Paraprofessional moving up");
    for (const q of questionsOf(STAGE_QUESTIONS.paraprofessional)) expect(dms).toContain(q);
    for (const q of questionsOf(COMMON_QUESTIONS)) expect(dms).toContain(q);
  });

  it("pages through stage, then type, then common questions with Next, the stage kept in the buttons", async () => {
    let page = await seeker().command("questions", { "library-type": "law", stage: "lawyer" }).reply();
    expect(page.embeds[0]?.title).toBe(
      "Informational interview questions: Career changer (from law) · Law library",
    );
    const total = STAGE_QUESTIONS["from-law"].length + TYPE_QUESTIONS.law.length + 2;
    const seen: string[] = [page.embeds[0]?.description ?? ""];
    for (let i = 2; i <= total; i++) {
      page = await seeker().click(page, customIdOf(page, "Next")).reply();
      expect(page.embeds[0]?.footer?.text).toMatch(new RegExp(`^Page ${i} of ${total} `));
      expect(page.embeds[0]?.title).toContain("Career changer (from law) · Law library");
      seen.push(page.embeds[0]?.description ?? "");
    }
    expect(seen[0]).toContain("**Career changer (from law): Hiring and career path**");
    expect(seen[2]).toContain("**Law library: The work, day to day**");
    expect(seen.at(-1)).toContain("**To close**");
    const expected = [
      ...questionsOf(STAGE_QUESTIONS["from-law"]),
      ...questionsOf(TYPE_QUESTIONS.law),
      ...questionsOf(COMMON_QUESTIONS),
      ...CLOSING_QUESTIONS,
    ];
    const text = seen.join("\n");
    for (const [i, question] of expected.entries())
      expect(text).toMatch(new RegExp(`${i + 1}\\. (⭐ )?${escapeRegExp(question)}`));
    expect(customIdOf(page, "Previous")).toMatch(/\|from-law$/);
    const back = await seeker().click(page, customIdOf(page, "Previous")).reply();
    expect(back.embeds[0]?.footer?.text).toMatch(new RegExp(`^Page ${total - 1} of ${total} `));
  });

  it("autocompletes stages, career changers together, and suggests for an unknown stage", async () => {
    const all = await seeker().autocomplete("questions", { stage: "" }, "stage");
    expect(all).toHaveLength(12);
    for (const choice of all) expect(choice.name.length).toBeLessThanOrEqual(100);
    const career = await seeker().autocomplete("questions", { stage: "career" }, "stage");
    expect(career.slice(0, 6).map((choice) => choice.value)).toEqual([
      "from-teaching",
      "from-law",
      "from-health-science",
      "from-history",
      "from-it",
      "from-business",
    ]);
    const nurse = await seeker().autocomplete("questions", { stage: "nurse" }, "stage");
    expect(nurse[0]?.value).toBe("from-health-science");
    expect(nurse[0]?.name).toMatch(/^Career changer \(from nursing or science\): /);
    const unknown = await seeker().command("questions", { stage: "astronaut" }).reply();
    expect(unknown.content).toMatch(/I don't know the stage "astronaut"\. Did you mean/);
  });
});
