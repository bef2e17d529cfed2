import { describe, expect, it } from "vitest";
import { isPaused, validateProfileInput } from "../../src/domain/mentors/profile.js";
import { cleanLine } from "../../src/domain/mentors/validation.js";
import { profileInput, validationErrorFrom } from "./fixtures.js";

const errorFor = (overrides: Record<string, unknown>) =>
  validationErrorFrom(() => validateProfileInput({ ...profileInput(), ...overrides }));

describe("validateProfileInput", () => {
  it("returns the clean profile, with capacity defaulting to 2 and blank optional fields left out", () => {
    const profile = validateProfileInput(
      profileInput({
        libraryTypes: "University, law library",
        role: "  Research   librarian ",
        institution: "   ",
        careerMoves: "",
        timeZone: "america/new_york",
        formats: "In Person, video",
        topics: " Cataloging , REFERENCE,,cataloging ",
      }),
    );
    expect(profile).toEqual({
      guildId: "g1",
      userId: "u1",
      displayName: "Ada",
      libraryTypes: ["academic", "law"],
      role: "Research librarian",
      region: "Midwest",
      timeZone: "America/New_York",
      formats: ["video", "in-person"],
      topics: ["cataloging", "reference"],
      bio: "I teach first-year students to search.",
      monthlyCapacity: 2,
    });
  });

  it("keeps optional fields and capacity when given", () => {
    const profile = validateProfileInput(
      profileInput({
        institution: "mid-size county system",
        careerMoves: "school → public",
        monthlyCapacity: "4",
      }),
    );
    expect(profile.institution).toBe("mid-size county system");
    expect(profile.careerMoves).toBe("school → public");
    expect(profile.monthlyCapacity).toBe(4);
  });

  it("rejects anything but an object", () => {
    expect(validationErrorFrom(() => validateProfileInput(null)).field).toBe("profile");
    expect(validationErrorFrom(() => validateProfileInput("bio")).field).toBe("profile");
  });

  it.each(["", "a/b", "x".repeat(65), 42])("rejects the id %j, which would break store keys", (id) => {
    expect(errorFor({ guildId: id }).field).toBe("guildId");
    expect(errorFor({ userId: id }).field).toBe("userId");
  });

  describe("text fields: required, limited, with the field and the limit in the message", () => {
    it.each([
      ["displayName", "Display name", 100],
      ["role", "Role", 100],
      ["region", "Region", 60],
      ["bio", "Bio", 500],
    ])("%s", (field, label, max) => {
      expect(errorFor({ [field]: undefined })).toMatchObject({ field, message: `${label} is required.` });
      expect(errorFor({ [field]: "  \n " })).toMatchObject({ field, message: `${label} is required.` });
      expect(errorFor({ [field]: 7 })).toMatchObject({ field, message: `${label} must be text.` });
      expect(errorFor({ [field]: "x".repeat(max + 12) })).toMatchObject({
        field,
        message: `${label} is ${max + 12} characters; the limit is ${max}.`,
      });
      expect(validateProfileInput(profileInput({ [field]: "x".repeat(max) }))).toHaveProperty(field);
    });

    it.each([
      ["institution", "Institution", 100],
      ["careerMoves", "Career moves", 200],
    ])("optional %s", (field, label, max) => {
      expect(validateProfileInput(profileInput({ [field]: undefined }))).not.toHaveProperty(field);
      expect(errorFor({ [field]: "x".repeat(max + 1) })).toMatchObject({
        field,
        message: `${label} is ${max + 1} characters; the limit is ${max}.`,
      });
    });

    it("gives the exact message for a long bio", () => {
      expect(errorFor({ bio: "b".repeat(612) }).message).toBe("Bio is 612 characters; the limit is 500.");
    });

    it("counts an emoji as one character", () => {
      expect(validateProfileInput(profileInput({ bio: "📚".repeat(500) })).bio).toHaveLength(1000);
      expect(errorFor({ bio: "📚".repeat(501) }).message).toBe("Bio is 501 characters; the limit is 500.");
    });

    it("strips control characters and collapses runs of blank lines in the bio", () => {
      const bio = validateProfileInput(
        profileInput({
          bio: "Hi\u0007 there\r\n\r\n\r\n  \n\nSecond\u0000 para   \nthird\u001b[31m line\t end",
        }),
      ).bio;
      expect(bio).toBe("Hi there\n\nSecond para\nthird[31m line  end");
    });

    it("makes one-line fields one line", () => {
      const profile = validateProfileInput(
        profileInput({ role: "Head of\nteen\u0085 services", region: "a\tb" }),
      );
      expect(profile.role).toBe("Head of teen services");
      expect(profile.region).toBe("a b");
    });

    it("stores text as typed otherwise, markdown and mentions included", () => {
      expect(validateProfileInput(profileInput({ bio: "**bold** <@123> @everyone" })).bio).toBe(
        "**bold** <@123> @everyone",
      );
    });
  });

  describe("libraryTypes", () => {
    it("suggests the nearest type for a typo", () => {
      expect(errorFor({ libraryTypes: ["acadmic"] })).toMatchObject({
        field: "libraryType",
        message: expect.stringMatching(
          /^I don't know the library type "acadmic"\. Did you mean Academic library \(academic\)/,
        ),
      });
    });

    it("accepts slugs, names and aliases, de-duplicated in the order given", () => {
      expect(
        validateProfileInput(profileInput({ libraryTypes: ["Public Library", "k12", "public", "college"] }))
          .libraryTypes,
      ).toEqual(["public-library", "school", "academic"]);
    });

    it("requires at least one", () => {
      for (const libraryTypes of [[], "", " , ", undefined]) {
        expect(errorFor({ libraryTypes }).message).toBe("Choose at least one library type.");
      }
    });

    it("rejects a list with something other than text in it", () => {
      expect(errorFor({ libraryTypes: ["academic", 3] }).field).toBe("libraryTypes");
    });
  });

  describe("timeZone", () => {
    it("is required and must be a zone", () => {
      expect(errorFor({ timeZone: "" }).message).toBe("Time zone is required.");
      expect(errorFor({ timeZone: "Central" })).toMatchObject({
        field: "timeZone",
        message:
          '"Central" is not a time zone. Use a name such as America/Chicago or an offset such as UTC-5.',
      });
    });

    it("is stored normalised", () => {
      expect(validateProfileInput(profileInput({ timeZone: "utc-5" })).timeZone).toBe("UTC-05:00");
    });
  });

  describe("formats", () => {
    it("lists the choices for an unknown one", () => {
      expect(errorFor({ formats: ["video", "zoom"] })).toMatchObject({
        field: "formats",
        message: 'Unknown format "zoom". Choose from: video, phone, text, in-person.',
      });
    });

    it("requires at least one", () => {
      expect(errorFor({ formats: [] }).message).toBe("Choose at least one format.");
    });

    it("stores them in a fixed order without duplicates", () => {
      expect(
        validateProfileInput(profileInput({ formats: ["TEXT", "in_person", "text", "Phone"] })).formats,
      ).toEqual(["phone", "text", "in-person"]);
    });
  });

  describe("topics", () => {
    it("may be empty", () => {
      expect(validateProfileInput(profileInput({ topics: undefined })).topics).toEqual([]);
      expect(validateProfileInput(profileInput({ topics: " , " })).topics).toEqual([]);
    });

    it("limits each topic to 40 characters", () => {
      const long = "y".repeat(41);
      expect(errorFor({ topics: ["ok", long] })).toMatchObject({
        field: "topics",
        message: `Topic "${"y".repeat(40)}…" is 41 characters; the limit is 40.`,
      });
    });

    it("allows 10 topics after de-duplication, not 11", () => {
      const ten = Array.from({ length: 10 }, (_, i) => `topic ${i}`);
      expect(validateProfileInput(profileInput({ topics: [...ten, "TOPIC 0"] })).topics).toHaveLength(10);
      expect(errorFor({ topics: [...ten, "eleven"] }).message).toBe("You listed 11 topics; the limit is 10.");
    });
  });

  describe("monthlyCapacity", () => {
    it.each([1, 10, "7"])("accepts %j", (value) => {
      expect(validateProfileInput(profileInput({ monthlyCapacity: value })).monthlyCapacity).toBe(
        Number(value),
      );
    });

    it.each([
      [0, "Monthly capacity is 0; it must be from 1 to 10."],
      [11, "Monthly capacity is 11; it must be from 1 to 10."],
      [2.5, "Monthly capacity must be a whole number from 1 to 10."],
      ["lots", "Monthly capacity must be a whole number from 1 to 10."],
    ])("rejects %j", (value, message) => {
      expect(errorFor({ monthlyCapacity: value })).toMatchObject({ field: "monthlyCapacity", message });
    });
  });
});

describe("isPaused", () => {
  const base = { ...validateProfileInput(profileInput()), joinedAt: 0, updatedAt: 0 };

  it("is paused until resumed when there is no end date", () => {
    expect(isPaused({ ...base, pausedAt: 10 }, 1e15)).toBe(true);
  });

  it("ends by itself once pausedUntil has passed", () => {
    expect(isPaused({ ...base, pausedAt: 10, pausedUntil: 100 }, 99)).toBe(true);
    expect(isPaused({ ...base, pausedAt: 10, pausedUntil: 100 }, 100)).toBe(false);
    expect(isPaused(base, 0)).toBe(false);
  });
});

describe("cleanLine", () => {
  it("makes one line: controls dropped, whitespace runs one space, ends trimmed", () => {
    expect(cleanLine("  youth\tservices \r\n and\u2028teens\u0007 ")).toBe("youth services and teens");
    expect(cleanLine("a\u00a0 b")).toBe("a b");
    expect(cleanLine("")).toBe("");
  });

  it("gives back text that is already clean as it is, ASCII or not", () => {
    for (const clean of ["cataloging", "youth services", "Ünïcode métadata", "a, b; c!", "x"]) {
      expect(cleanLine(clean)).toBe(clean);
    }
    for (const unclean of [" lead", "trail ", "two  spaces", "tab\there", "new\nline"]) {
      expect(cleanLine(unclean)).not.toBe(unclean);
    }
  });
});
