import { describe, expect, it } from "vitest";
import { previewStep } from "../../src/discord/mentors/form.js";
import { pauseNotice, shownToSeeker } from "../../src/discord/requests/notices.js";
import { validateProfileInput } from "../../src/domain/mentors/index.js";
import { plural } from "../../src/domain/plural.js";
import { type RequestLimit, RequestRefused } from "../../src/domain/requests/index.js";

const refusalText = (limit: RequestLimit) => (shownToSeeker(new RequestRefused(limit)) as Error).message;
const march10 = Date.UTC(2025, 2, 10);

function capacityFooter(monthlyCapacity: number): string | undefined {
  const profile = {
    ...validateProfileInput({
      guildId: "111111111111111111",
      userId: "333333333333333333",
      displayName: "Sam",
      libraryTypes: ["academic"],
      role: "Instruction librarian",
      region: "Midwest",
      timeZone: "America/Chicago",
      formats: ["video"],
      bio: "Bio.",
      monthlyCapacity: String(monthlyCapacity),
    }),
    joinedAt: 0,
    updatedAt: 0,
  };
  return previewStep({ mode: "join" }, profile).embeds?.[0]?.footer?.text;
}

describe("counts in what the bot says", () => {
  it("pairs a count with a singular or plural noun", () => {
    expect(plural(0, "article")).toBe("0 articles");
    expect(plural(1, "article")).toBe("1 article");
    expect(plural(2, "article")).toBe("2 articles");
    expect(plural(1, "person", "people")).toBe("1 person");
    expect(plural(4, "person", "people")).toBe("4 people");
  });

  it("says 1 request and 1 day in the refusals a seeker sees", () => {
    expect(refusalText({ kind: "too-many-pending", limit: 1, liftsAt: march10 })).toMatch(
      /^You already have 1 request waiting for an answer,/,
    );
    expect(refusalText({ kind: "cooldown", askedAt: march10, days: 1, liftsAt: march10 })).toContain(
      "again 1 day after your last request",
    );
    expect(refusalText({ kind: "cooldown", askedAt: march10, days: 30, liftsAt: march10 })).toContain(
      "again 30 days after your last request",
    );
  });

  it("words the auto-pause notice for one unanswered request and for several", () => {
    expect(pauseNotice("Library Folk", 1).content).toContain(
      "the last interview request to you expired without an answer",
    );
    expect(pauseNotice("Library Folk", 3).content).toContain(
      "the last 3 interview requests to you expired without an answer",
    );
  });

  it("says 1 request a month under a librarian's card", () => {
    expect(capacityFooter(1)).toBe("Up to 1 request a month");
    expect(capacityFooter(4)).toBe("Up to 4 requests a month");
  });
});
