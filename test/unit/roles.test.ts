import { describe, expect, it } from "vitest";
import { customId } from "../../src/core/custom-ids.js";
import { LIMITS } from "../../src/core/limits.js";
import { LIBRARY_TYPES } from "../../src/data/library-types.js";
import { QUESTION_TOPICS, type QuestionSection } from "../../src/data/question-topics.js";
import { COMMON_QUESTIONS, TYPE_QUESTIONS } from "../../src/data/questions.js";
import { ROLE_QUESTIONS } from "../../src/data/role-questions.js";
import { ROLES } from "../../src/data/roles.js";
import { STAGE_QUESTIONS } from "../../src/data/stage-questions.js";
import { ValidationError } from "../../src/domain/errors.js";
import { resolveRole, suggestRoles } from "../../src/domain/roles.js";

/** Lower case, punctuation dropped, spaces collapsed: catches near-identical copies. */
const normalize = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9\s]/g, "")
    .replace(/\s+/g, " ")
    .trim();

const allQuestions = (sections: readonly QuestionSection[]): string[] => sections.flatMap((s) => s.questions);

/** Characters that Discord would treat as markdown or mentions. */
const UNSAFE = /[@*_`~|<>#]/;

/** British spellings our own writing avoids. */
const BRITISH = /\b(\w*(organis|catalogu|licenc|digitis|behaviour|colour|centre|programme)\w*)\b/i;

describe("role checklists", () => {
  it("has questions for every role and nothing else", () => {
    expect(Object.keys(ROLE_QUESTIONS).sort()).toEqual(ROLES.map((role) => role.slug).sort());
    expect(ROLES).toHaveLength(13);
  });

  describe.each(ROLES.map((role) => role.slug))("%s", (slug) => {
    const sections = ROLE_QUESTIONS[slug];
    const questions = allQuestions(sections);

    it("has at least 10 questions of its own, under known topics, each used once", () => {
      expect(questions.length).toBeGreaterThanOrEqual(10);
      const topics = sections.map((section) => section.topic);
      expect(new Set(topics).size).toBe(topics.length);
      for (const topic of topics) expect(QUESTION_TOPICS.map((t) => t.id)).toContain(topic);
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

  it("repeats no question anywhere: stages, roles, library types and the common page together", () => {
    // Career changers share one core section (the same object): count it once.
    const stageSections = [...new Set(Object.values(STAGE_QUESTIONS).flat())];
    const everything = [
      ...allQuestions(COMMON_QUESTIONS),
      ...Object.values(TYPE_QUESTIONS).flatMap(allQuestions),
      ...Object.values(ROLE_QUESTIONS).flatMap(allQuestions),
      ...allQuestions(stageSections),
    ];
    const seen = new Map<string, string>();
    for (const question of everything) {
      const key = normalize(question);
      expect(seen.get(key), question).toBeUndefined();
      seen.set(key, question);
    }
  });
});

describe("roles", () => {
  it("fit an autocomplete choice, name and description together, without cutting", () => {
    for (const role of ROLES) {
      expect(`${role.name}: ${role.description}`.length, role.slug).toBeLessThanOrEqual(LIMITS.choiceName);
      expect(role.matchWords.length, role.slug).toBeGreaterThan(0);
    }
  });

  it("resolves slugs, names and every alias, each to one role only", () => {
    const owners = new Map<string, string>();
    for (const role of ROLES) {
      for (const name of [role.slug, role.name, ...role.aliases]) {
        expect(resolveRole(name).slug, name).toBe(role.slug);
        const key = normalize(name).replace(/ /g, "");
        expect(owners.get(key) ?? role.slug, name).toBe(role.slug);
        owners.set(key, role.slug);
      }
    }
  });

  it("resolves the aliases people type", () => {
    const expected: Record<string, string> = {
      cataloguing: "cataloging",
      metadata: "cataloging",
      youth: "youth-services",
      "children's": "youth-services",
      Teen: "youth-services",
      GIS: "research-data",
      copyright: "scholarly-communication",
      UX: "ux-assessment",
      leadership: "leadership",
      "Access Services": "access-services",
    };
    for (const [typed, slug] of Object.entries(expected)) expect(resolveRole(typed).slug, typed).toBe(slug);
  });

  it("accepts a prefix only one role has, and suggests close ones for an unknown role", () => {
    expect(resolveRole("catal").slug).toBe("cataloging");
    expect(resolveRole("scholarly").slug).toBe("scholarly-communication");
    expect(suggestRoles("catalogging")[0]?.slug).toBe("cataloging");
    expect(suggestRoles("", 25)).toHaveLength(13);
    expect(() => resolveRole("astronaut")).toThrow(ValidationError);
    expect(() => resolveRole("catalogging")).toThrow(
      /I don't know the role "catalogging"\. Did you mean Cataloging/,
    );
  });

  it("fits the longest type, topic and role into the page buttons' custom IDs", () => {
    const longest = (values: readonly string[]) => values.reduce((a, b) => (b.length > a.length ? b : a));
    const type = longest(LIBRARY_TYPES.map((t) => t.slug));
    const topic = longest(QUESTION_TOPICS.map((t) => t.id));
    const role = longest(ROLES.map((r) => r.slug));
    const page = customId("questions-page", type, topic, 99, role);
    expect(page.length).toBeLessThanOrEqual(100);
    expect(customId("questions-dm", type, topic, role).length).toBeLessThan(page.length);
  });
});
