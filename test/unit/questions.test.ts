import { describe, expect, it } from "vitest";
import { CLOSING_QUESTIONS, COMMON_OPENERS, TYPE_OPENERS } from "../../src/data/openers.js";
import { COMMON_QUESTIONS, TYPE_QUESTIONS } from "../../src/data/questions.js";
import { ROLE_QUESTIONS } from "../../src/data/role-questions.js";
import { STAGE_QUESTIONS } from "../../src/data/stage-questions.js";
import { buildChecklist, checklistAsText, firstNumberOf, OPENER_MARK } from "../../src/domain/questions.js";

describe("buildChecklist", () => {
  it("marks two questions of the type's own and two for any library to open with, on every type", () => {
    for (const [type, openers] of Object.entries(TYPE_OPENERS)) {
      const pages = buildChecklist(type as keyof typeof TYPE_OPENERS);
      const marked = pages.flatMap((page) => page.openers);
      expect(marked, type).toEqual(expect.arrayContaining([...openers, ...COMMON_OPENERS]));
      expect(marked, type).toHaveLength(4);
      expect(checklistAsText(pages)).toContain(`${OPENER_MARK} ${openers[0]}`);
    }
    // A role alone still marks the questions for any library.
    expect(buildChecklist(undefined, undefined, "instruction").flatMap((page) => page.openers)).toEqual(
      COMMON_OPENERS,
    );
  });

  it("ends every checklist with questions to close with: referrals and permission to use their name", () => {
    const last = buildChecklist("museum").at(-1);
    expect(last?.heading).toBe("To close");
    expect(last?.questions.join(" ")).toMatch(/anyone else .* mentioning your name/);
  });

  it("pages a type's own questions by topic, then the questions for any library", () => {
    const pages = buildChecklist("academic");
    expect(pages.map((page) => page.heading)).toEqual([
      "The work, day to day",
      "The library and its people",
      "Hiring and career path",
      "Skills, education and growth",
      "For any library",
      "To close",
    ]);
    const own = TYPE_QUESTIONS.academic.flatMap((section) => section.questions);
    expect(pages.slice(0, 4).flatMap((page) => page.questions)).toEqual(own);
    expect(pages[4]?.questions).toEqual(COMMON_QUESTIONS.flatMap((section) => section.questions));
  });

  it("keeps only one topic when asked", () => {
    const pages = buildChecklist("law", "hiring-and-career");
    expect(pages.map((page) => page.heading)).toEqual([
      "Hiring and career path",
      "For any library",
      "To close",
    ]);
    const common = COMMON_QUESTIONS.find((section) => section.topic === "hiring-and-career")?.questions;
    expect(pages[1]?.questions).toEqual(common);
  });

  it("numbers questions on across pages, in text and on each page", () => {
    const pages = buildChecklist("school");
    const text = checklistAsText(pages);
    const total = pages.reduce((sum, page) => sum + page.questions.length, 0);
    expect(text).toContain(`\n${total}. `);
    expect(text).not.toContain(`\n${total + 1}. `);
    expect(firstNumberOf(pages, 0)).toBe(1);
    expect(firstNumberOf(pages, 1)).toBe((pages[0]?.questions.length ?? 0) + 1);
  });

  it("puts a role's questions first, then the type's, then the common ones, each page saying whose", () => {
    const pages = buildChecklist("public-library", undefined, "youth-services");
    const role = ROLE_QUESTIONS["youth-services"].flatMap((section) => section.questions);
    const type = TYPE_QUESTIONS["public-library"].flatMap((section) => section.questions);
    const common = COMMON_QUESTIONS.flatMap((section) => section.questions);
    expect(pages.flatMap((page) => page.questions)).toEqual([
      ...role,
      ...type,
      ...common,
      ...CLOSING_QUESTIONS,
    ]);
    expect(pages.map((page) => page.heading)).toEqual([
      "Youth services: The work, day to day",
      "Youth services: The library and its people",
      "Youth services: Hiring and career path",
      "Youth services: Skills, education and growth",
      "Public library: The work, day to day",
      "Public library: The library and its people",
      "Public library: Hiring and career path",
      "Public library: Skills, education and growth",
      "For any library",
      "To close",
    ]);
  });

  it("shows a role alone as its own pages then the common ones", () => {
    const pages = buildChecklist(undefined, undefined, "cataloging");
    const role = ROLE_QUESTIONS.cataloging.flatMap((section) => section.questions);
    expect(pages).toHaveLength(ROLE_QUESTIONS.cataloging.length + 2);
    expect(pages.slice(0, -2).flatMap((page) => page.questions)).toEqual(role);
    expect(pages.at(-2)?.heading).toBe("For any library");
    expect(pages.at(-1)?.heading).toBe("To close");
  });

  it("keeps one topic across role, type and common questions", () => {
    const pages = buildChecklist("academic", "hiring-and-career", "instruction");
    expect(pages.map((page) => page.heading)).toEqual([
      "Instruction: Hiring and career path",
      "Academic library: Hiring and career path",
      "For any library",
      "To close",
    ]);
    const roleHiring = ROLE_QUESTIONS.instruction.find((section) => section.topic === "hiring-and-career");
    expect(pages[0]?.questions).toEqual(roleHiring?.questions);
  });

  it("puts a stage's questions first, before the role's and the type's, each page saying whose", () => {
    const pages = buildChecklist("academic", undefined, "instruction", "from-teaching");
    const questions = (sections: readonly { questions: readonly string[] }[]) =>
      sections.flatMap((section) => section.questions);
    expect(pages.flatMap((page) => page.questions)).toEqual([
      ...questions(STAGE_QUESTIONS["from-teaching"]),
      ...questions(ROLE_QUESTIONS.instruction),
      ...questions(TYPE_QUESTIONS.academic),
      ...questions(COMMON_QUESTIONS),
      ...CLOSING_QUESTIONS,
    ]);
    expect(pages.map((page) => page.heading).slice(0, 3)).toEqual([
      "Career changer (from teaching): Hiring and career path",
      "Career changer (from teaching): Skills, education and growth",
      "Instruction: The work, day to day",
    ]);
    expect(pages[6]?.heading).toBe("Academic library: The work, day to day");
  });

  it("shows a stage alone as its own pages then the common ones, and names the type beside a stage", () => {
    const pages = buildChecklist(undefined, undefined, undefined, "international");
    expect(pages).toHaveLength(STAGE_QUESTIONS.international.length + 2);
    expect(pages.slice(0, -2).flatMap((page) => page.questions)).toEqual(
      STAGE_QUESTIONS.international.flatMap((section) => section.questions),
    );
    expect(pages[0]?.heading).toBe("Internationally trained librarian: Hiring and career path");
    expect(pages.at(-2)?.heading).toBe("For any library");
    expect(pages.at(-1)?.heading).toBe("To close");
    expect(pages.flatMap((page) => page.openers)).toEqual(COMMON_OPENERS);

    const withType = buildChecklist("public-library", "hiring-and-career", undefined, "new-grad");
    expect(withType.map((page) => page.heading)).toEqual([
      "New graduate: Hiring and career path",
      "Public library: Hiring and career path",
      "For any library",
      "To close",
    ]);
  });
});
