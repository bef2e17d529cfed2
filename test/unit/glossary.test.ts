import { describe, expect, it } from "vitest";
import { LIMITS } from "../../src/core/limits.js";
import { GLOSSARY, GLOSSARY_AREAS } from "../../src/data/glossary.js";
import { LIBRARY_TYPES } from "../../src/data/library-types.js";
import { COMMON_QUESTIONS, TYPE_QUESTIONS } from "../../src/data/questions.js";
import { ROLE_QUESTIONS } from "../../src/data/role-questions.js";
import { glossaryEntryEmbed, glossaryIndexEmbed } from "../../src/discord/glossary/view.js";
import { UserError } from "../../src/domain/errors.js";
import {
  findGlossaryEntry,
  glossaryIndex,
  glossaryTermsIn,
  normalizeTerm,
  resolveGlossaryTerm,
  suggestGlossaryEntries,
} from "../../src/domain/glossary.js";

/** Sentence ends: a full stop, question or exclamation mark followed by a space or the end. */
const sentenceCount = (text: string): number => (text.match(/[.?!](?=\s|$)/g) ?? []).length;

/** Characters Discord would treat as markdown or mentions. */
const UNSAFE = /[@*_`~|<>#]/;

describe("glossary content", () => {
  it("has at least 60 terms", () => {
    expect(GLOSSARY.length).toBeGreaterThanOrEqual(60);
  });

  it("covers the terms job-seekers asked for", () => {
    for (const wanted of [
      "one-shot",
      "liaison",
      "continuing appointment",
      "tenure track",
      "FDLP",
      "processing",
      "appraisal",
      "deed of gift",
      "finding aid",
      "AHIP",
      "1410",
      "1412",
      "1420",
      "KM",
      "rule of three",
      "fixed scheduling",
      "flexible scheduling",
      "MLIS",
      "MLS",
      "ALA accreditation",
      "practicum",
      "residency",
      "paraprofessional",
      "reference interview",
      "collection development",
      "weeding",
      "ILL",
      "ILS",
      "LSP",
      "discovery layer",
      "MARC",
      "RDA",
      "metadata",
      "authority control",
      "OPAC",
      "consortium",
      "e-resources",
      "licensing",
      "COUNTER",
      "open access",
      "institutional repository",
      "scholarly communication",
      "research data management",
      "GIS",
      "digital humanities",
      "embedded librarian",
      "information literacy",
      "ACRL Framework",
      "PICO",
      "systematic review",
      "evidence-based practice",
      "Bluebook",
      "legal citation",
      "JD",
      "special collections",
      "rare books",
      "provenance",
      "preservation",
      "digitization",
      "records management",
      "retention schedule",
      "SAA",
      "AASL",
      "school librarian",
      "teacher-librarian",
      "media specialist",
      "YALSA",
      "ALSC",
      "story time",
      "outreach",
      "UX",
      "assessment",
      "access services",
      "circulation",
      "cover letter",
      "job talk",
      "search committee",
    ]) {
      expect(findGlossaryEntry(wanted), wanted).toBeDefined();
    }
  });

  it("has no term or alias claimed twice, even after normalizing", () => {
    const seen = new Map<string, string>();
    for (const entry of GLOSSARY) {
      const own = new Set<string>();
      for (const name of [entry.term, ...entry.aliases]) {
        const key = normalizeTerm(name);
        expect(key.length, name).toBeGreaterThan(0);
        expect(own.has(key), `${name} is repeated in ${entry.term}`).toBe(false);
        own.add(key);
        expect(seen.get(key) ?? entry.term, `${name} is claimed twice`).toBe(entry.term);
        seen.set(key, entry.term);
      }
    }
  });

  it("resolves every term and alias to its own entry", () => {
    for (const entry of GLOSSARY) {
      for (const name of [entry.term, ...entry.aliases]) {
        expect(resolveGlossaryTerm(name).term, name).toBe(entry.term);
        expect(resolveGlossaryTerm(` ${name.toUpperCase()} `).term, name).toBe(entry.term);
      }
    }
  });

  it("explains each term in one to three plain, Discord-safe sentences under 400 characters", () => {
    for (const { term, definition } of GLOSSARY) {
      expect(definition.length, term).toBeLessThan(400);
      expect(sentenceCount(definition), term).toBeGreaterThanOrEqual(1);
      expect(sentenceCount(definition), term).toBeLessThanOrEqual(3);
      expect(/[.?!]$/.test(definition), term).toBe(true);
      expect(UNSAFE.test(definition), term).toBe(false);
      expect(UNSAFE.test(term), term).toBe(false);
    }
  });

  it("says where each term belongs, with known library types and areas", () => {
    const slugs = new Set<string>(LIBRARY_TYPES.map((type) => type.slug));
    const areas = new Set<string>(GLOSSARY_AREAS.map((area) => area.id));
    for (const entry of GLOSSARY) {
      expect(areas.has(entry.area), entry.term).toBe(true);
      expect(entry.roles.length, entry.term).toBeGreaterThan(0);
      expect(new Set(entry.libraryTypes).size, entry.term).toBe(entry.libraryTypes.length);
      for (const slug of entry.libraryTypes) expect(slugs.has(slug), `${entry.term}: ${slug}`).toBe(true);
    }
  });

  it("writes in US English", () => {
    const text = GLOSSARY.map((entry) => `${entry.term} ${entry.definition}`).join(" ");
    expect(text).not.toMatch(/\b(organis|cataloguing|catalogue|centre|colour|licence|programme|digitis)/i);
  });
});

describe("glossary lookup", () => {
  it.each([
    ["One Shot", "One-shot"],
    ["one-shot", "One-shot"],
    ["mls", "MLIS"],
    ["gs-1410", "1410 (Librarian series)"],
    ["Interlibrary Loan", "ILL"],
    ["flexible scheduling", "Fixed and flexible scheduling"],
    ["ILS/LSP", "ILS / LSP"],
  ])("matches %j to %s ignoring case and punctuation", (input, term) => {
    expect(findGlossaryEntry(input)?.term).toBe(term);
  });

  it("accepts the start of a single term", () => {
    expect(resolveGlossaryTerm("weed").term).toBe("Weeding");
    expect(resolveGlossaryTerm("provena").term).toBe("Provenance");
  });

  it("answers a typo with a UserError naming the closest terms", () => {
    expect(() => resolveGlossaryTerm("metdata")).toThrow(UserError);
    expect(() => resolveGlossaryTerm("metdata")).toThrow(
      /I don't have "metdata" in the glossary\. Did you mean .*Metadata/,
    );
    expect(suggestGlossaryEntries("provenence", 3).map((entry) => entry.term)).toContain("Provenance");
    expect(suggestGlossaryEntries("finding aide", 3)[0]?.term).toBe("Finding aid");
  });

  it("shortens a very long input in the error", () => {
    const long = "x".repeat(120);
    expect(() => resolveGlossaryTerm(long)).toThrow(/"x{49}…"/);
  });

  it("ranks an exact alias first, then prefixes", () => {
    expect(suggestGlossaryEntries("ill", 5)[0]?.term).toBe("ILL");
    expect(suggestGlossaryEntries("ala", 5)[0]?.term).toBe("ALA");
    const meta = suggestGlossaryEntries("meta", 5).map((entry) => entry.term);
    expect(meta[0]).toBe("Metadata");
  });

  it("suggests up to 25 terms for autocomplete, A to Z when nothing is typed", () => {
    const all = suggestGlossaryEntries("", LIMITS.choices);
    expect(all).toHaveLength(25);
    const terms = all.map((entry) => entry.term.toLowerCase());
    expect(terms).toEqual([...terms].sort((a, b) => a.localeCompare(b)));
  });

  it("keeps every autocomplete choice within Discord's limits", () => {
    for (const entry of GLOSSARY) {
      expect(entry.term.length, entry.term).toBeLessThanOrEqual(LIMITS.choiceValue);
      expect(entry.term.length, entry.term).toBeLessThanOrEqual(LIMITS.choiceName);
    }
  });
});

describe("glossary views", () => {
  it("indexes every term once, by area, within one embed's limits", () => {
    const index = glossaryIndex();
    const listed = index.flatMap((area) => area.terms);
    expect(listed.sort()).toEqual(GLOSSARY.map((entry) => entry.term).sort());
    const embed = glossaryIndexEmbed();
    expect(embed.fields?.length).toBe(GLOSSARY_AREAS.length);
    let total = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
    for (const field of embed.fields ?? []) {
      expect(field.value.length, field.name).toBeGreaterThan(0);
      expect(field.value.length, field.name).toBeLessThanOrEqual(LIMITS.fieldValue);
      total += field.name.length + field.value.length;
    }
    expect(total).toBeLessThanOrEqual(LIMITS.embedTotal);
    expect(embed.description).toContain("/glossary term:");
  });

  it("shows a term with its definition, library types and roles", () => {
    const embed = glossaryEntryEmbed(resolveGlossaryTerm("FDLP"));
    expect(embed.title).toBe("FDLP");
    expect(embed.description).toMatch(/Government Publishing Office/);
    const fields = Object.fromEntries((embed.fields ?? []).map((field) => [field.name, field.value]));
    expect(fields["Where you'll hear it"]).toContain("Government library");
    expect(fields.Roles).toContain("government documents librarian");
    expect(glossaryEntryEmbed(resolveGlossaryTerm("MLIS")).fields?.[0]?.value).toBe("Every kind of library");
  });
});

describe("terms in a text", () => {
  it("finds terms and aliases used as whole words in a question", () => {
    const found = glossaryTermsIn(
      "What does a one-shot instruction session look like, and how do you build relationships as a liaison?",
    ).map((entry) => entry.term);
    expect(found).toEqual(expect.arrayContaining(["One-shot", "Liaison"]));
    expect(glossaryTermsIn("An unrelated sentence about the weather.")).toEqual([]);
  });

  it("links most of the glossary from the checklists, so a term in a question can be looked up", () => {
    const questions = [
      ...COMMON_QUESTIONS,
      ...Object.values(TYPE_QUESTIONS).flat(),
      ...Object.values(ROLE_QUESTIONS).flat(),
    ].flatMap((section) => section.questions);
    const used = new Set(
      questions.flatMap((question) => glossaryTermsIn(question)).map((entry) => entry.term),
    );
    expect(used.size).toBeGreaterThanOrEqual(50);
  });
});
