import { describe, expect, it } from "vitest";
import { COMMON_QUESTIONS, TYPE_QUESTIONS } from "../../src/data/questions.js";
import { buildChecklist, checklistAsText, firstNumberOf } from "../../src/domain/questions.js";

describe("buildChecklist", () => {
  it("pages a type's own questions by topic, then the questions for any library", () => {
    const pages = buildChecklist("academic");
    expect(pages.map((page) => page.heading)).toEqual([
      "The work, day to day",
      "The library and its people",
      "Hiring and career path",
      "Skills, education and growth",
      "For any library",
    ]);
    const own = TYPE_QUESTIONS.academic.flatMap((section) => section.questions);
    expect(pages.slice(0, 4).flatMap((page) => page.questions)).toEqual(own);
    expect(pages[4]?.questions).toEqual(COMMON_QUESTIONS.flatMap((section) => section.questions));
  });

  it("keeps only one topic when asked", () => {
    const pages = buildChecklist("law", "hiring-and-career");
    expect(pages.map((page) => page.heading)).toEqual(["Hiring and career path", "For any library"]);
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
});
