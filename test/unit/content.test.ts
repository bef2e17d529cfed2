import { describe, expect, it } from "vitest";
import { GUIDE, GUIDE_FIELD_ORDER } from "../../src/data/guide.js";
import { LIBRARY_TYPES } from "../../src/data/library-types.js";
import { CLOSING_QUESTIONS } from "../../src/data/openers.js";
import { QUESTION_TOPICS, type QuestionSection } from "../../src/data/question-topics.js";
import { COMMON_QUESTIONS, TYPE_QUESTIONS } from "../../src/data/questions.js";
import { ROLE_QUESTIONS } from "../../src/data/role-questions.js";
import { STAGE_QUESTIONS } from "../../src/data/stage-questions.js";

/** Lower case, punctuation dropped, spaces collapsed: catches near-identical copies. */
const normalize = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9\s]/g, "")
    .replace(/\s+/g, " ")
    .trim();

const allQuestions = (sections: readonly QuestionSection[]): string[] => sections.flatMap((s) => s.questions);

const topicIds = QUESTION_TOPICS.map((t) => t.id);

/** Characters that Discord would treat as markdown or mentions. */
const UNSAFE = /[@*_`~|<>#]/;

describe("question checklists", () => {
  const commonNormalized = new Set(allQuestions(COMMON_QUESTIONS).map(normalize));

  it("covers every library type in the catalog and nothing else", () => {
    expect(Object.keys(TYPE_QUESTIONS).sort()).toEqual(LIBRARY_TYPES.map((t) => t.slug).sort());
  });

  describe.each(LIBRARY_TYPES.map((t) => t.slug))("%s", (slug) => {
    const sections = TYPE_QUESTIONS[slug];
    const questions = allQuestions(sections);

    it("has at least 15 questions of its own", () => {
      expect(questions.length).toBeGreaterThanOrEqual(15);
    });

    it("has every topic exactly once, each with questions", () => {
      expect(sections.map((s) => s.topic).sort()).toEqual([...topicIds].sort());
      for (const section of sections) expect(section.questions.length).toBeGreaterThan(0);
    });

    it("has no duplicate questions and none that repeat a common question", () => {
      const normalized = questions.map(normalize);
      expect(new Set(normalized).size).toBe(normalized.length);
      for (const q of normalized) expect(commonNormalized.has(q), q).toBe(false);
    });

    it("words each question as a single short, Discord-safe question", () => {
      for (const q of questions) {
        expect(q.endsWith("?"), q).toBe(true);
        expect(q.length, q).toBeLessThanOrEqual(250);
        expect(q, q).toBe(q.trim());
        expect(UNSAFE.test(q), q).toBe(false);
      }
    });
  });

  it("never repeats a question of one library type in another", () => {
    const owner = new Map<string, string>();
    for (const type of LIBRARY_TYPES) {
      for (const question of allQuestions(TYPE_QUESTIONS[type.slug])) {
        const key = normalize(question);
        expect(owner.get(key) ?? type.slug, `${question} is in ${owner.get(key)} too`).toBe(type.slug);
        owner.set(key, type.slug);
      }
    }
  });

  it("has a rare books checklist distinct from the archives one", () => {
    const rare = allQuestions(TYPE_QUESTIONS["rare-books"]);
    expect(rare.length).toBeGreaterThanOrEqual(15);
    expect(rare.join(" ")).not.toMatch(/digitis|organis|catalogu|centre/);
    expect(rare.some((q) => /rare book/i.test(q))).toBe(true);
  });

  it("has common questions across at least 3 topics, well formed", () => {
    const topics = new Set(COMMON_QUESTIONS.filter((s) => s.questions.length > 0).map((s) => s.topic));
    expect(topics.size).toBeGreaterThanOrEqual(3);
    for (const s of COMMON_QUESTIONS) expect(topicIds).toContain(s.topic);
    const questions = allQuestions(COMMON_QUESTIONS);
    expect(questions.length).toBeGreaterThanOrEqual(8);
    expect(new Set(questions.map(normalize)).size).toBe(questions.length);
    for (const q of questions) {
      expect(q.endsWith("?"), q).toBe(true);
      expect(q.length, q).toBeLessThanOrEqual(250);
      expect(UNSAFE.test(q), q).toBe(false);
    }
  });
});

describe("the whole question set", () => {
  const STOP_WORDS = new Set(
    "the and for with your you does did how what which who are was were been its that this from about there their they them have has had can could would should will our".split(
      " ",
    ),
  );
  const contentWords = (question: string): Set<string> =>
    new Set(
      question
        .toLowerCase()
        .replace(/[^a-z\s]/g, " ")
        .split(/\s+/)
        .filter((word) => word.length > 2 && !STOP_WORDS.has(word)),
    );
  const everyQuestion = [
    ...COMMON_QUESTIONS,
    ...Object.values(TYPE_QUESTIONS).flat(),
    ...Object.values(ROLE_QUESTIONS).flat(),
    ...Object.values(STAGE_QUESTIONS).flat(),
  ]
    .flatMap((section) => section.questions)
    .concat(CLOSING_QUESTIONS);

  it("is in US spelling, like the guide", () => {
    const british =
      /\b\w*(programme|organis|cataloguing|catalogue|licence|centre|behaviour|favour|colour|recognis(e|ed|ing)|specialis(e|ed|ing|ation)|digitis|visualis|prioritis|analys(e|ed|ing)\b|practis(e|ed|ing))\w*/i;
    for (const text of [
      ...everyQuestion,
      ...GUIDE_FIELD_ORDER.map((key) => GUIDE[key].value),
      GUIDE.etiquetteCard,
    ])
      expect(text).not.toMatch(british);
  });

  it("has no two questions mostly made of the same words, across types, roles, stages and common pages", () => {
    // The career-changer stages share a core of questions on purpose: each text counts once.
    const questions = [...new Set(everyQuestion)];
    const words = questions.map(contentWords);
    const alike: string[] = [];
    for (let i = 0; i < words.length; i++)
      for (let j = i + 1; j < words.length; j++) {
        const a = words[i] as Set<string>;
        const b = words[j] as Set<string>;
        const shared = [...a].filter((word) => b.has(word)).length;
        if (shared / (a.size + b.size - shared) >= 0.5)
          alike.push(`${everyQuestion[i]} ~ ${everyQuestion[j]}`);
      }
    expect(alike).toEqual([]);
  });
});

describe("guide", () => {
  it("keeps every embed field within Discord's limits", () => {
    let total = GUIDE.title.length;
    for (const key of GUIDE_FIELD_ORDER) {
      const field = GUIDE[key];
      expect(field.name.length, key).toBeGreaterThan(0);
      expect(field.name.length, key).toBeLessThanOrEqual(256);
      expect(field.value.length, key).toBeGreaterThan(0);
      expect(field.value.length, key).toBeLessThanOrEqual(1024);
      total += field.name.length + field.value.length;
    }
    // Discord caps a whole embed at 6,000 characters.
    expect(total).toBeLessThanOrEqual(6000);
  });

  it("has a short etiquette card and a one-line reminder that points to /guide", () => {
    expect(GUIDE.etiquetteCard.length).toBeLessThanOrEqual(900);
    expect(GUIDE.etiquetteReminder.length).toBeLessThanOrEqual(150);
    expect(GUIDE.etiquetteReminder).not.toContain("\n");
    expect(GUIDE.etiquetteReminder).toContain("/guide");
  });

  it("covers what a seeker using the bot needs, and never contradicts the checklists", () => {
    const text = GUIDE_FIELD_ORDER.map((key) => GUIDE[key].value).join("\n");
    for (const point of [
      /never record without/i,
      /text chat, (send )?one or two questions at a time/i,
      /volunteers may skip any question/i,
      /class assignment/i,
      /due date/i,
      /tour/i,
      /thank each person you met/i,
      /contact details/i,
      /practicums/i,
      /Ask button/i,
    ])
      expect(text).toMatch(point);
    // The archives and museum checklists ask how practicums work: the guide must not forbid that.
    expect(text).not.toMatch(/never ask for .*internship/i);
    // Seekers reach librarians through the bot, which shares no e-mail address.
    expect(text).not.toMatch(/by email|research the person/i);
    for (const point of [/skip any question/i, /never record without consent/i, /text chat/i])
      expect(GUIDE.etiquetteCard).toMatch(point);
  });

  it("has a thank-you template with at least 2 blanks", () => {
    const blanks = GUIDE.thankYouTemplate.value.match(/\[[^\]]+\]/g) ?? [];
    expect(blanks.length).toBeGreaterThanOrEqual(2);
  });

  it("uses Discord-safe text with no mentions", () => {
    const texts = [
      GUIDE.title,
      GUIDE.etiquetteReminder,
      GUIDE.etiquetteCard,
      ...GUIDE_FIELD_ORDER.flatMap((k) => [GUIDE[k].name, GUIDE[k].value]),
    ];
    for (const text of texts) expect(/[@*_`~|]/.test(text), text).toBe(false);
  });
});
