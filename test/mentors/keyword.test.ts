import { describe, expect, it } from "vitest";
import type { MentorProfile } from "../../src/domain/mentors/profile.js";
import { foldSpelling } from "../../src/domain/mentors/spelling.js";
import { mentor, serviceOf } from "./fixtures.js";

/** Each librarian's keyword score for `keyword`, through the service's search; missing when not found. */
async function scoresFor(keyword: string, ...profiles: MentorProfile[]) {
  const service = await serviceOf(...profiles);
  const { results } = service.search({
    guildId: "g1",
    seekerId: "seeker",
    libraryType: "academic",
    keyword,
    limit: 25,
  });
  return Object.fromEntries(results.map((r) => [r.profile.userId, r.score.keyword]));
}

describe("keyword search", () => {
  it("weighs each word by the heaviest field it starts a word in: topic 3, role 2, the rest 1", async () => {
    const profiles = [
      mentor({ userId: "topic", topics: ["rare books"], role: "Rare books curator" }),
      mentor({ userId: "role", topics: [], role: "Curator of rare books" }),
      mentor({ userId: "bio", topics: [], role: "Archivist", bio: "Mostly RARE books." }),
      mentor({ userId: "moves", topics: [], role: "Archivist", careerMoves: "rare → public" }),
      mentor({ userId: "inside", topics: ["flare"], role: "Archivist", bio: "A bookshelf." }),
    ];
    expect(await scoresFor("rare", ...profiles)).toEqual({ topic: 3, role: 2, bio: 1, moves: 1 });
    expect(await scoresFor("rare, book", ...profiles)).toEqual({ topic: 6, role: 4, bio: 2 });
  });

  it("finds words at the very start and end of a text, never across two librarians", async () => {
    const profiles = [
      mentor({ userId: "a", topics: ["zine"], role: "Maker", bio: "ends with abc" }),
      mentor({ userId: "b", topics: ["def"], role: "Maker", bio: "x" }),
    ];
    expect(await scoresFor("zine", ...profiles)).toEqual({ a: 3 });
    expect(await scoresFor("abc", ...profiles)).toEqual({ a: 1 });
    expect(await scoresFor("abcdef", ...profiles)).toEqual({});
    expect(await scoresFor("cdef", ...profiles)).toEqual({});
  });

  it("matches long words by their whole length, not just the first characters", async () => {
    const profiles = [
      mentor({ userId: "a", topics: ["cataloging"] }),
      mentor({ userId: "b", topics: ["catalog design"] }),
    ];
    expect(await scoresFor("cataloging", ...profiles)).toEqual({ a: 3 });
    expect(await scoresFor("catalog", ...profiles)).toEqual({ a: 3, b: 3 });
  });

  it("matches American and British spellings either way round", async () => {
    const profiles = [
      mentor({ userId: "us", topics: ["cataloging", "digitization"], bio: "I license software." }),
      mentor({ userId: "uk", topics: ["cataloguing", "digitisation"], bio: "I manage licences." }),
      mentor({ userId: "us-org", topics: ["programs"], role: "Organizer" }),
      mentor({ userId: "uk-org", topics: ["programmes"], role: "Organiser" }),
    ];
    for (const keyword of ["cataloging", "cataloguing", "catalogue", "catalogu", "digitisation", "digitiz"])
      expect(await scoresFor(keyword, ...profiles), keyword).toEqual({ us: 3, uk: 3 });
    for (const keyword of ["licence", "license", "licenc"])
      expect(await scoresFor(keyword, ...profiles), keyword).toEqual({ us: 1, uk: 1 });
    for (const keyword of ["program", "programme", "programmes"])
      expect(await scoresFor(keyword, ...profiles), keyword).toEqual({ "us-org": 3, "uk-org": 3 });
    for (const keyword of ["organiser", "organizer", "organis"])
      expect(await scoresFor(keyword, ...profiles), keyword).toEqual({ "us-org": 2, "uk-org": 2 });
  });
});

describe("foldSpelling", () => {
  it("folds the British spelling of each pair to the American one", () => {
    const pairs = [
      ["cataloguing", "cataloging"],
      ["catalogue", "catalog"],
      ["catalogues", "catalogs"],
      ["catalogued", "cataloged"],
      ["cataloguer", "cataloger"],
      ["programme", "program"],
      ["programmes", "programs"],
      ["organisation", "organization"],
      ["organise", "organize"],
      ["organised", "organized"],
      ["digitisation", "digitization"],
      ["digitise", "digitize"],
      ["licence", "license"],
      ["licences", "licenses"],
    ];
    for (const [british, american] of pairs) {
      expect(foldSpelling(british as string), british).toBe(american);
      expect(foldSpelling(american as string), american).toBe(american);
    }
  });

  it("leaves words that only look alike: programmers, organisms and the like stay matchable by prefix", () => {
    for (const word of ["programmer", "programming", "catalog", "organ", "digital", "licensing"])
      expect(foldSpelling(word)).toBe(word);
  });
});

describe("what search holds", () => {
  it("is frozen: a profile is replaced, never changed in place", async () => {
    const service = await serviceOf(mentor({ userId: "a" }));
    const held = service.get("g1", "a") as MentorProfile;
    expect(() => {
      held.role = "changed";
    }).toThrow(TypeError);
    expect(() => held.topics.push("x")).toThrow(TypeError);
  });
});
