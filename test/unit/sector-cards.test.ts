import { describe, expect, it } from "vitest";
import { LIMITS } from "../../src/core/limits.js";
import { LIBRARY_TYPES } from "../../src/data/library-types.js";
import { AFFINITY_GROUPS, SECTOR_CARDS } from "../../src/data/sector-cards.js";
import { sectorCardEmbed } from "../../src/discord/sectors/card.js";

const SECTIONS = [
  "Entry-level job titles",
  "Credentials",
  "Where jobs are posted",
  "Typical hiring timeline",
  "Where salary data is published",
  "Associations and affinity groups (optional)",
  "Sources",
];

const embedLength = (embed: ReturnType<typeof sectorCardEmbed>): number =>
  (embed.title?.length ?? 0) +
  (embed.description?.length ?? 0) +
  (embed.footer?.text.length ?? 0) +
  (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0);

describe("sector cards", () => {
  it("has a card for every library type and no other", () => {
    expect(Object.keys(SECTOR_CARDS).sort()).toEqual(LIBRARY_TYPES.map((type) => type.slug).sort());
  });

  for (const type of LIBRARY_TYPES) {
    describe(type.name, () => {
      const card = SECTOR_CARDS[type.slug];
      const embed = sectorCardEmbed(type.slug);
      const fields = Object.fromEntries((embed.fields ?? []).map((field) => [field.name, field.value]));

      it("fills every section, with at least one source named", () => {
        expect(embed.title).toBe(`Sector card: ${type.name}`);
        expect(Object.keys(fields)).toEqual(SECTIONS);
        for (const list of [card.entryTitles, card.required, card.postings, card.timeline, card.salaryData]) {
          expect(list.length).toBeGreaterThan(0);
        }
        expect(card.associations.length).toBeGreaterThan(0);
        expect(card.sources.length).toBeGreaterThan(0);
        expect(fields.Sources).toBe(card.sources.join(" · "));
        expect(fields.Credentials).toContain("**Required:**");
        for (const title of card.entryTitles) expect(fields["Entry-level job titles"]).toContain(title);
      });

      it("lists the type's associations and every affinity group", () => {
        const groups = fields["Associations and affinity groups (optional)"] ?? "";
        for (const name of [...card.associations, ...AFFINITY_GROUPS]) expect(groups).toContain(name);
      });

      it("fits Discord's embed limits", () => {
        for (const field of embed.fields ?? []) {
          expect(field.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
          expect(field.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
        }
        expect(embed.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedTitle);
        expect(embedLength(embed)).toBeLessThanOrEqual(LIMITS.embedTotal);
      });
    });
  }

  it("names the salary surveys each specialty publishes", () => {
    const salary = (slug: keyof typeof SECTOR_CARDS) => SECTOR_CARDS[slug].salaryData.join(" ");
    expect(salary("law")).toContain("AALL Biennial Salary Survey");
    expect(salary("medical")).toContain("MLA salary surveys");
    expect(salary("archives")).toContain("A*CENSUS");
    expect(salary("academic")).toContain("ARL Annual Salary Survey");
    for (const type of LIBRARY_TYPES)
      expect(salary(type.slug)).toContain("BLS Occupational Outlook Handbook");
  });
});

describe("sector card text", () => {
  it("escapes the asterisk in A*CENSUS so Discord shows it as written", () => {
    const fields = sectorCardEmbed("archives").fields ?? [];
    const salary = fields.find((field) => field.name === "Where salary data is published")?.value;
    expect(salary).toContain("SAA A\\*CENSUS II");
  });
});
