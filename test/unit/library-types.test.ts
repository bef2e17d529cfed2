import { describe, expect, it } from "vitest";
import { LIBRARY_TYPES } from "../../src/data/library-types.js";
import { UserError } from "../../src/domain/errors.js";
import {
  findLibraryType,
  normalizeTypeInput,
  resolveLibraryType,
  suggestLibraryTypes,
} from "../../src/domain/library-types.js";

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
    ]) {
      expect(slugs).toContain(slug);
    }
    for (const type of LIBRARY_TYPES) {
      expect(type.name.length).toBeGreaterThan(3);
      expect(type.description.length).toBeGreaterThan(20);
      expect(type.aliases.length).toBeGreaterThan(0);
    }
  });

  it("has no name or alias claimed by two types", () => {
    const seen = new Map<string, string>();
    for (const type of LIBRARY_TYPES) {
      for (const name of [type.slug, type.name, ...type.aliases]) {
        const key = normalizeTypeInput(name);
        expect(seen.get(key) ?? type.slug, `${name} is claimed twice`).toBe(type.slug);
        seen.set(key, type.slug);
      }
    }
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
