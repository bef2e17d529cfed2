import { describe, expect, it } from "vitest";
import { LIBRARY_TYPES } from "../../src/data/library-types.js";
import { CLOSING_QUESTIONS } from "../../src/data/openers.js";
import { COMMON_QUESTIONS, TYPE_QUESTIONS } from "../../src/data/questions.js";
import { questionsAt } from "../../src/domain/agenda/agenda.js";
import {
  AGENDA_MAX_QUESTIONS,
  type AgendaGroup,
  agendaGroups,
  CLOSING_GROUP,
  estimateLine,
  withSelection,
} from "../../src/domain/agenda/index.js";
import { buildChecklist, QUESTION_TOPICS } from "../../src/domain/questions.js";

const group = (id: string, questions: string[]): AgendaGroup => ({ id, name: id, questions, openers: [] });

describe("agenda groups", () => {
  it("offer every question of a type's checklist once, by topic, closing questions last", () => {
    for (const { slug } of LIBRARY_TYPES) {
      const groups = agendaGroups(slug);
      expect(groups.map((each) => each.id)).toEqual([
        ...QUESTION_TOPICS.map((topic) => topic.id),
        CLOSING_GROUP,
      ]);
      const offered = groups.flatMap((each) => each.questions);
      const checklist = buildChecklist(slug).flatMap((page) => page.questions);
      expect([...offered].sort()).toEqual([...checklist].sort());
      expect(new Set(offered).size).toBe(offered.length);
      expect(groups.at(-1)?.questions).toEqual(CLOSING_QUESTIONS);
      // One menu holds at most 25 options.
      for (const each of groups) expect(each.questions.length, `${slug} ${each.id}`).toBeLessThanOrEqual(25);
    }
  });

  it("put a topic's own questions for the type first, then that topic's questions for any library", () => {
    const [first] = agendaGroups("academic");
    const typeQuestions = TYPE_QUESTIONS.academic.find((s) => s.topic === "day-to-day")?.questions ?? [];
    const common = COMMON_QUESTIONS.find((s) => s.topic === "day-to-day")?.questions ?? [];
    expect(first?.name).toBe("The work, day to day");
    expect(first?.questions).toEqual([...typeQuestions, ...common]);
    expect(first?.openers).toContain(typeQuestions[0]);
  });

  it("read a menu's values as indexes into the group, dropping anything else", () => {
    const g = group("t", ["a", "b", "c"]);
    expect(questionsAt(g, ["2", "0", "9", "x", "-1", "1.5"])).toEqual(["c", "a"]);
  });
});

describe("picking questions", () => {
  const days = group("days", ["d1", "d2", "d3"]);
  const hiring = group("hiring", ["h1", "h2"]);

  it("adds new picks at the end and keeps the place of those still chosen", () => {
    let picks = withSelection([], days, ["d2"]).picks;
    picks = withSelection(picks, hiring, ["h1"]).picks;
    picks = withSelection(picks, days, ["d1", "d2"]).picks;
    expect(picks).toEqual(["d2", "h1", "d1"]);
  });

  it("drops a group's picks that are no longer selected, and leaves other groups alone", () => {
    const { picks, tooMany } = withSelection(["d1", "h1", "d2"], days, ["d2"]);
    expect(picks).toEqual(["h1", "d2"]);
    expect(tooMany).toBe(false);
    expect(withSelection(picks, days, []).picks).toEqual(["h1"]);
  });

  it(`refuses to go past ${AGENDA_MAX_QUESTIONS} questions and changes nothing`, () => {
    const many = group(
      "many",
      Array.from({ length: 12 }, (_, i) => `q${i}`),
    );
    const nine = many.questions.slice(0, 9);
    const full = withSelection(nine, many, many.questions.slice(0, 10));
    expect(full).toEqual({ picks: many.questions.slice(0, 10), tooMany: false });
    const over = withSelection(full.picks, hiring, ["h1"]);
    expect(over).toEqual({ picks: full.picks, tooMany: true });
    // Taking one off and adding another in the same menu is fine.
    const swapped = withSelection(full.picks, many, [...many.questions.slice(1, 10), "q11"]);
    expect(swapped.tooMany).toBe(false);
    expect(swapped.picks).toHaveLength(10);
    expect(swapped.picks.at(-1)).toBe("q11");
  });
});

describe("the estimate", () => {
  it("counts about 3 minutes a question against the meeting's length", () => {
    expect(estimateLine(8, 30)).toBe("About 24 minutes of questions for a 30-minute interview.");
    expect(estimateLine(1, 20)).toBe("About 3 minutes of questions for a 20-minute interview.");
  });

  it("says kindly when the list fills or passes the time", () => {
    expect(estimateLine(10, 30)).toMatch(
      /^About 30 minutes of questions for a 30-minute interview: that fills it/,
    );
    const over = estimateLine(9, 20);
    expect(over).toMatch(/^About 27 minutes of questions for a 20-minute interview: more than will fit\./);
    expect(over).toContain("That's all right");
  });

  it("says how many fit when nothing is picked yet", () => {
    expect(estimateLine(0, 30)).toBe(
      "Nothing picked yet. At about 3 minutes a question, about 10 fit a 30-minute interview.",
    );
    expect(estimateLine(0, 20)).toMatch(/about 6 fit a 20-minute interview/);
    expect(estimateLine(0, 45)).toMatch(/about 10 fit a 45-minute interview/);
  });
});
