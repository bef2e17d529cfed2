import { ComponentType } from "discord.js";
import { describe, expect, it } from "vitest";
import { parseCustomId } from "../../src/core/custom-ids.js";
import { LIMITS } from "../../src/core/limits.js";
import { LIBRARY_TYPES } from "../../src/data/library-types.js";
import { consentCard } from "../../src/discord/requests/card.js";
import { openingMessages } from "../../src/discord/requests/kit.js";
import { requestList } from "../../src/discord/requests/list.js";
import { askModal } from "../../src/discord/requests/modals.js";
import { shownToSeeker } from "../../src/discord/requests/notices.js";
import { UserError } from "../../src/domain/errors.js";
import { validateProfileInput } from "../../src/domain/mentors/index.js";
import { buildChecklist } from "../../src/domain/questions.js";
import {
  type InterviewRequest,
  NOT_TAKING_REQUESTS,
  type RequestLimit,
  RequestRefused,
} from "../../src/domain/requests/index.js";
import { labelsOf } from "../support/messages.js";

const GUILD = "111111111111111111";
const SEEKER = "222222222222222222";
const MENTOR = "333333333333333333";

function request(overrides: Partial<InterviewRequest> = {}): InterviewRequest {
  return {
    id: "abcd1234",
    guildId: GUILD,
    seekerId: SEEKER,
    seekerName: "Jordan",
    mentorId: MENTOR,
    libraryType: "academic",
    note: "I would like to hear how you moved from public to academic libraries.",
    format: "video",
    state: "pending",
    createdAt: Date.UTC(2025, 0, 15),
    expiresAt: Date.UTC(2025, 0, 22),
    ...overrides,
  };
}

const mentor = {
  ...validateProfileInput({
    guildId: GUILD,
    userId: MENTOR,
    displayName: "A librarian with a very long display name indeed, longer than forty-five",
    libraryTypes: ["academic"],
    role: "Instruction librarian",
    region: "Midwest",
    timeZone: "America/Chicago",
    formats: ["video", "phone"],
    bio: "Bio.",
  }),
  joinedAt: 0,
  updatedAt: 0,
};

describe("the librarian's card", () => {
  it("offers Accept and Decline only while pending, and names the request, never a user, in its buttons", () => {
    const pending = consentCard(request());
    expect(labelsOf(pending)).toEqual(["Accept", "Decline", "Block", "Report"]);
    for (const row of pending.components ?? []) {
      for (const button of row.components) {
        const id = "custom_id" in button ? button.custom_id : "";
        expect(parseCustomId(id)?.args).toEqual([GUILD, "abcd1234"]);
      }
    }
    const accepted = consentCard(request({ state: "accepted", threadId: "444444444444444444" }));
    expect(labelsOf(accepted)).toEqual(["Block", "Report"]);
    expect(accepted.content).toContain("<#444444444444444444>");
    const blocked = consentCard(request({ state: "declined" }), { blocked: true });
    expect(labelsOf(blocked)).toEqual(["Report"]);
  });

  it("shows what the seeker typed without letting it ping or format", () => {
    const card = consentCard(
      request({ note: "Hi @everyone <@999999999999999999> **loud**", seekerName: "x" }),
    );
    const description = card.embeds?.[0]?.description ?? "";
    expect(description).not.toContain("@everyone");
    expect(description).not.toContain("<@999");
    expect(description).toContain("\\*\\*loud\\*\\*");
  });
});

describe("the opening of an accepted interview", () => {
  it("fits Discord's limits for every library type, even with the longest note, and keeps every question", () => {
    for (const type of LIBRARY_TYPES) {
      const long = request({ libraryType: type.slug, note: "n".repeat(1000), availability: "a".repeat(200) });
      const messages = openingMessages(long, mentor.displayName, mentor, {
        place: "thread",
        metButton: true,
      });
      const text = messages.map((m) => m.content).join("\n");
      for (const message of messages)
        expect(message.content?.length ?? 0).toBeLessThanOrEqual(LIMITS.content);
      // A start and an end of the checklist, and where the rest is: not all of it.
      const pages = buildChecklist(type.slug);
      for (const question of pages.flatMap((page) => page.openers))
        expect(text, type.slug).toContain(`⭐ ${question}`);
      for (const question of pages.at(-1)?.questions ?? []) expect(text, type.slug).toContain(question);
      expect(text).toContain(`/questions ${type.slug}`);
      const all = pages.flatMap((page) => page.questions);
      expect(all.filter((question) => text.includes(question)).length).toBeLessThan(10);
      expect(labelsOf(messages.at(-1))).toEqual(["Build an agenda", "We met", "Report"]);
    }
  });

  it("calls a librarian who left the directory the librarian, capitalised where a sentence starts", () => {
    const [intro] = openingMessages(request(), "the librarian", undefined, { place: "dm", metButton: false });
    expect(intro?.content).toContain(
      "and the librarian\n**The librarian** agreed to a short informational interview",
    );
  });

  it("mentions both people in a thread only; by DM each learns how to reach the other", () => {
    const [inThread] = openingMessages(request(), mentor.displayName, mentor, {
      place: "thread",
      metButton: true,
    });
    expect(inThread?.allowedMentions?.users).toEqual([SEEKER, MENTOR]);
    const byDm = openingMessages(request(), mentor.displayName, mentor, { place: "dm", metButton: false });
    expect(byDm[0]?.allowedMentions).toBeUndefined();
    expect(byDm[0]?.content).toContain("message each other directly");
    expect(byDm.some((m) => labelsOf(m).length > 0)).toBe(false);
  });
});

describe("the request form", () => {
  it("fits the modal limits and offers only the librarian's formats", () => {
    const modal = askModal(mentor, "academic");
    expect(modal.title.length).toBeLessThanOrEqual(LIMITS.modalTitle);
    const labels = modal.components.map((c) => ("label" in c ? c.label : ""));
    for (const label of labels) expect(label.length).toBeLessThanOrEqual(LIMITS.textInputLabel);
    const select = modal.components[1];
    const inner = select && "component" in select ? select.component : undefined;
    expect(inner?.type).toBe(ComponentType.StringSelect);
    expect(inner && "options" in inner ? inner.options?.map((o) => o.value) : []).toEqual(["video", "phone"]);
  });
});

describe("/requests", () => {
  it("keeps to 25 buttons in 5 rows however many requests are open", () => {
    const many = Array.from({ length: 30 }, (_, i) =>
      request({ id: `id${i}`, mentorId: `${i}`.padStart(18, "4") }),
    );
    const list = requestList({ asSeeker: many, asMentor: [] }, () => "Casey");
    expect(list.components).toHaveLength(5);
    expect(list.components?.flatMap((row) => row.components)).toHaveLength(25);
    expect(list.ephemeral).toBe(true);
  });
});

describe("a refused request, as the seeker reads it", () => {
  const march10 = Date.UTC(2025, 2, 10, 12);
  const june8 = Date.UTC(2025, 5, 8, 12);
  const stamp = (ms: number) => `<t:${Math.floor(ms / 1000)}:D>`;
  const refusalText = (limit: RequestLimit) => (shownToSeeker(new RequestRefused(limit)) as Error).message;

  it("words each limit with dates Discord shows in the reader's own time zone", () => {
    expect(refusalText({ kind: "already-waiting", sentAt: march10 })).toBe(
      `You already have a request waiting for this librarian's answer (sent ${stamp(march10)}).`,
    );
    expect(refusalText({ kind: "cooldown", askedAt: march10, days: 90, liftsAt: june8 })).toBe(
      `You asked this librarian on ${stamp(march10)}. On this server you can ask the same librarian ` +
        `again 90 days after your last request, so this limit lifts on ${stamp(june8)}. ` +
        "Until then, try /findmentor to find someone else.",
    );
    expect(refusalText({ kind: "too-many-pending", limit: 3, liftsAt: june8 })).toBe(
      "You already have 3 requests waiting for an answer, the most this server allows at once. " +
        "This limit lifts when a librarian answers or you cancel a request, and at the latest on " +
        `${stamp(june8)}, when your oldest request expires.`,
    );
    expect(refusalText({ kind: "too-many-pending", limit: 1, liftsAt: june8 })).toMatch(
      /^You already have 1 request waiting/,
    );
    expect(refusalText({ kind: "at-capacity", liftsAt: june8 })).toBe(
      "This librarian has already received as many requests this month as they can take. " +
        `This limit lifts on ${stamp(june8)}; until then, try /findmentor to find someone else.`,
    );
    expect(refusalText({ kind: "not-taking-requests" })).toBe(NOT_TAKING_REQUESTS);
  });

  it("becomes a UserError with those words; other errors pass unchanged", () => {
    const shown = shownToSeeker(new RequestRefused({ kind: "at-capacity", liftsAt: june8 }));
    expect(shown).toBeInstanceOf(UserError);
    expect(shown).not.toBeInstanceOf(RequestRefused);
    expect((shown as UserError).message).toContain(stamp(june8));
    const other = new UserError("Something else.");
    expect(shownToSeeker(other)).toBe(other);
  });
});
