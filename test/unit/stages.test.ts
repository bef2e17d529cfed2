import { describe, expect, it } from "vitest";
import { customId } from "../../src/core/custom-ids.js";
import { LIMITS } from "../../src/core/limits.js";
import { LIBRARY_TYPES } from "../../src/data/library-types.js";
import { QUESTION_TOPICS, type QuestionSection } from "../../src/data/question-topics.js";
import { ROLES } from "../../src/data/roles.js";
import { STAGE_QUESTIONS } from "../../src/data/stage-questions.js";
import { STAGES } from "../../src/data/stages.js";
import { ValidationError } from "../../src/domain/errors.js";
import { resolveStage, suggestStages } from "../../src/domain/stages.js";

const allQuestions = (sections: readonly QuestionSection[]): string[] => sections.flatMap((s) => s.questions);

/** Characters that Discord would treat as markdown or mentions. */
const UNSAFE = /[@*_`~|<>#]/;

/** British spellings our own writing avoids. */
const BRITISH = /\b(\w*(organis|catalogu|licenc|digitis|behaviour|colour|centre|programme|recognis)\w*)\b/i;

const careerChangers = STAGES.filter((stage) => stage.slug.startsWith("from-")).map((stage) => stage.slug);

describe("stage checklists", () => {
  it("has questions for every stage and nothing else", () => {
    expect(Object.keys(STAGE_QUESTIONS).sort()).toEqual(STAGES.map((stage) => stage.slug).sort());
    expect(STAGES).toHaveLength(12);
    expect(careerChangers).toHaveLength(6);
  });

  describe.each(STAGES.map((stage) => stage.slug))("%s", (slug) => {
    const sections = STAGE_QUESTIONS[slug];
    const questions = allQuestions(sections);

    it("has at least 8 questions, under known topics, each used once", () => {
      expect(questions.length).toBeGreaterThanOrEqual(8);
      const topics = sections.map((section) => section.topic);
      expect(new Set(topics).size).toBe(topics.length);
      for (const topic of topics) expect(QUESTION_TOPICS.map((t) => t.id)).toContain(topic);
      expect(new Set(questions).size).toBe(questions.length);
    });

    it("words each question as a single short, Discord-safe question in US spelling", () => {
      for (const q of questions) {
        expect(q.endsWith("?"), q).toBe(true);
        expect(q.length, q).toBeLessThanOrEqual(250);
        expect(q, q).toBe(q.trim());
        expect(UNSAFE.test(q), q).toBe(false);
        expect(BRITISH.exec(q)?.[1], q).toBeUndefined();
      }
    });
  });

  it("gives career changers a shared core of 5 and at least 3 questions of each field's own", () => {
    const core = STAGE_QUESTIONS["from-teaching"][0];
    expect(core?.questions).toHaveLength(5);
    for (const slug of careerChangers) {
      const [shared, ...own] = STAGE_QUESTIONS[slug];
      expect(shared, slug).toBe(core);
      expect(allQuestions(own).length, slug).toBeGreaterThanOrEqual(3);
    }
    const fieldQuestions = careerChangers.flatMap((slug) => allQuestions(STAGE_QUESTIONS[slug].slice(1)));
    expect(new Set(fieldQuestions).size).toBe(fieldQuestions.length);
  });
});

describe("stages", () => {
  it("fit an autocomplete choice, name and description together, without cutting", () => {
    for (const stage of STAGES) {
      expect(`${stage.name}: ${stage.description}`.length, stage.slug).toBeLessThanOrEqual(LIMITS.choiceName);
    }
  });

  it("resolves slugs, names and every alias, each to one stage only", () => {
    const owners = new Map<string, string>();
    for (const stage of STAGES) {
      for (const name of [stage.slug, stage.name, ...stage.aliases]) {
        expect(resolveStage(name).slug, name).toBe(stage.slug);
        const key = name.toLowerCase().replace(/[^a-z0-9]/g, "");
        expect(owners.get(key) ?? stage.slug, name).toBe(stage.slug);
        owners.set(key, stage.slug);
      }
    }
  });

  it("resolves the words people type", () => {
    const expected: Record<string, string> = {
      MLIS: "pre-mlis",
      "library school": "pre-mlis",
      practicum: "student",
      "new graduate": "new-grad",
      "library technician": "paraprofessional",
      teacher: "from-teaching",
      lawyer: "from-law",
      nurse: "from-health-science",
      scientist: "from-health-science",
      historian: "from-history",
      IT: "from-it",
      business: "from-business",
      "sector switcher": "sector-switcher",
      "internationally trained": "international",
      intern: "international",
    };
    for (const [typed, slug] of Object.entries(expected)) expect(resolveStage(typed).slug, typed).toBe(slug);
  });

  it("lists every career changer for 'career', finds fields by what people were, and suggests for unknowns", () => {
    expect(
      suggestStages("career", 25)
        .slice(0, 6)
        .map((stage) => stage.slug),
    ).toEqual(careerChangers);
    expect(
      suggestStages("career changer", 25)
        .slice(0, 6)
        .map((stage) => stage.slug),
    ).toEqual(careerChangers);
    expect(suggestStages("teach")[0]?.slug).toBe("from-teaching");
    expect(suggestStages("nursing")[0]?.slug).toBe("from-health-science");
    expect(suggestStages("", 25)).toHaveLength(12);
    expect(() => resolveStage("astronaut")).toThrow(ValidationError);
    expect(() => resolveStage("studnet")).toThrow(
      /I don't know the stage "studnet"\. Did you mean Current MLIS student/,
    );
  });

  it("fits the longest type, topic, role and stage into the page buttons' custom IDs", () => {
    const longest = (values: readonly string[]) => values.reduce((a, b) => (b.length > a.length ? b : a));
    const type = longest(LIBRARY_TYPES.map((t) => t.slug));
    const topic = longest(QUESTION_TOPICS.map((t) => t.id));
    const role = longest(ROLES.map((r) => r.slug));
    const stage = longest(STAGES.map((s) => s.slug));
    const page = customId("questions-page", type, topic, 99, role, stage);
    expect(page.length).toBeLessThanOrEqual(100);
    expect(customId("questions-dm", type, topic, role, stage).length).toBeLessThan(page.length);
  });
});
