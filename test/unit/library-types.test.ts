import { describe, expect, it } from "vitest";
import { LIBRARY_TYPES } from "../../src/data/library-types.js";
import { NEAREST_TYPES } from "../../src/data/nearest-types.js";
import { ROLE_WORDS } from "../../src/data/role-words.js";
import { UserError } from "../../src/domain/errors.js";
import {
  findLibraryType,
  nearestTypeAlias,
  nearestTypeNote,
  normalizeTypeInput,
  resolveLibraryType,
  suggestLibraryTypes,
} from "../../src/domain/library-types.js";
import { getRole } from "../../src/domain/roles.js";

describe("library type catalog", () => {
  it("has every required type with a name, a description and aliases", () => {
    const slugs = LIBRARY_TYPES.map((type) => type.slug);
    for (const slug of [
      "academic",
      "public-library",
      "school",
      "special",
      "archives",
      "law",
      "medical",
      "government",
      "museum",
      "corporate",
      "community-college",
      "rare-books",
    ]) {
      expect(slugs).toContain(slug);
    }
    for (const type of LIBRARY_TYPES) {
      expect(type.name.length).toBeGreaterThan(3);
      expect(type.description.length).toBeGreaterThan(20);
      expect(type.aliases.length).toBeGreaterThan(0);
    }
  });

  it("has no name, alias, nearest-type word or role word claimed twice", () => {
    const seen = new Map<string, string>();
    const claim = (name: string, owner: string) => {
      const key = normalizeTypeInput(name);
      expect(seen.get(key) ?? owner, `${name} is claimed twice`).toBe(owner);
      seen.set(key, owner);
    };
    for (const type of LIBRARY_TYPES)
      for (const name of [type.slug, type.name, ...type.aliases]) claim(name, type.slug);
    for (const near of NEAREST_TYPES) for (const alias of near.aliases) claim(alias, `near:${near.note}`);
    for (const { role, words } of ROLE_WORDS) for (const word of words) claim(word, `role:${role}`);
  });

  it("fits every autocomplete choice, name and description, in 100 characters uncut", () => {
    for (const type of LIBRARY_TYPES) {
      const choice = `${type.name}: ${type.description}`;
      expect(choice.length, choice).toBeLessThanOrEqual(100);
      expect(choice.endsWith("."), choice).toBe(true);
    }
  });

  it("uses US spelling and the school librarian title in the catalog", () => {
    const text = JSON.stringify(LIBRARY_TYPES);
    expect(text).not.toMatch(/centre|organisation|catalogue/i);
    const school = findLibraryType("school");
    expect(school?.description).toContain("school librarian");
    expect(findLibraryType("teacher-librarian")?.slug).toBe("school");
    expect(findLibraryType("media specialist")?.slug).toBe("school");
  });

  it.each([
    ["public", "public-library"],
    ["Public Library", "public-library"],
    ["academic-library", "academic"],
    ["k12", "school"],
    ["K-12", "school"],
    ["health", "medical"],
    ["Health Sciences", "medical"],
    ["  ARCHIVES ", "archives"],
    ["community college", "community-college"],
  ])("matches %j to %s ignoring case, spaces and punctuation", (input, slug) => {
    expect(findLibraryType(input)?.slug).toBe(slug);
  });

  // What seekers type, and the type we answer with. Exact aliases first, then words for kinds of
  // library that only have a nearest type here (they also get a note, tested below).
  it.each([
    ["law school", "law"],
    ["law-library", "law"],
    ["court library", "law"],
    ["med", "medical"],
    ["medicine", "medical"],
    ["health sciences", "medical"],
    ["hospital", "medical"],
    ["nursing", "medical"],
    ["high school", "school"],
    ["middle school", "school"],
    ["elementary", "school"],
    ["school librarian", "school"],
    ["state library", "government"],
    ["corporate", "corporate"],
    ["art museum", "museum"],
    ["historical society", "museum"],
    ["rare-books", "rare-books"],
    ["special collections", "rare-books"],
    ["archives", "archives"],
    ["pharma", "corporate"],
    ["pharmaceutical", "corporate"],
    ["biotech", "corporate"],
    ["zoo", "museum"],
    ["aquarium", "museum"],
    ["botanical garden", "museum"],
    ["national library", "government"],
    ["presidential library", "archives"],
    ["military", "government"],
    ["base library", "government"],
    ["prison", "public-library"],
    ["correctional", "public-library"],
    ["tribal", "public-library"],
    ["tribal library", "public-library"],
    ["tribal college", "community-college"],
  ])("resolves %j to %s", (input, slug) => {
    expect(resolveLibraryType(input).slug).toBe(slug);
  });

  it("says why for words that only have a nearest type, and nothing for real types", () => {
    for (const near of NEAREST_TYPES) {
      for (const alias of near.aliases) {
        expect(resolveLibraryType(alias).slug, alias).toBe(near.slug);
        expect(nearestTypeNote(alias), alias).toBe(near.note);
      }
      expect(near.note.length).toBeLessThanOrEqual(200);
      // One sentence.
      expect(near.note, near.note).toMatch(/^[^.]+\.$/);
    }
    expect(nearestTypeNote("Prison")).toMatch(
      /^Prison libraries aren't a type of their own here.*public libraries/,
    );
    for (const type of LIBRARY_TYPES)
      for (const name of [type.slug, type.name, ...type.aliases])
        expect(nearestTypeNote(name), name).toBeUndefined();
  });

  it.each(ROLE_WORDS.flatMap(({ role, roleSlug, words }) => words.map((word) => [word, role, roleSlug])))(
    "answers the role word %j with where %s fits",
    (word, role, roleSlug) => {
      expect(() => resolveLibraryType(word as string)).toThrow(UserError);
      // A role the role option knows points there; one it doesn't, to a keyword search.
      const where = roleSlug ? `role:${roleSlug}` : `keyword:${role} to /findmentor`;
      expect(() => resolveLibraryType(word as string)).toThrow(
        new RegExp(`^${role} is a role found in every kind of library.*${where}`, "i"),
      );
    },
  );

  it("links each role word to a role the role option knows, where there is one", () => {
    for (const { roleSlug } of ROLE_WORDS) if (roleSlug) expect(getRole(roleSlug).slug).toBe(roleSlug);
  });

  it("ranks name prefixes and exact aliases first in suggestions", () => {
    expect(suggestLibraryTypes("med")[0]?.slug).toBe("medical");
    expect(suggestLibraryTypes("law")[0]?.slug).toBe("law");
    expect(suggestLibraryTypes("law school")[0]?.slug).toBe("law");
    expect(suggestLibraryTypes("nursing")[0]?.slug).toBe("medical");
    expect(suggestLibraryTypes("zoo")[0]?.slug).toBe("museum");
    expect(suggestLibraryTypes("spec").map((type) => type.slug)).toEqual(["special", "rare-books", "school"]);
    expect(nearestTypeAlias("pris")).toMatchObject({ alias: "prison", type: { slug: "public-library" } });
    expect(nearestTypeAlias("pub")).toBeUndefined();
  });

  it("suggests the closest types for a typo or a prefix", () => {
    expect(findLibraryType("acadmic")).toBeUndefined();
    expect(suggestLibraryTypes("acadmic")[0]?.slug).toBe("academic");
    expect(suggestLibraryTypes("pub")[0]?.slug).toBe("public-library");
    expect(suggestLibraryTypes("musem")[0]?.slug).toBe("museum");
    expect(suggestLibraryTypes("", 25)).toHaveLength(LIBRARY_TYPES.length);
  });

  it("turns an unknown type into a user error naming the suggestions", () => {
    expect(() => resolveLibraryType("lawyer-ish")).toThrow(UserError);
    expect(() => resolveLibraryType("lawyer-ish")).toThrow(
      /I don't know the library type "lawyer-ish".*Law library \(law\)/,
    );
    expect(resolveLibraryType("Public Library").slug).toBe("public-library");
  });

  it("takes the start of a name when only one type has it", () => {
    expect(resolveLibraryType("acad").slug).toBe("academic");
    expect(resolveLibraryType("Musé").slug).toBe("museum");
    // Too short to be sure, or shared by several types: ask instead of guessing.
    expect(() => resolveLibraryType("ac")).toThrow(UserError);
    expect(() => resolveLibraryType("lib")).toThrow(UserError);
  });
});
