import { describe, expect, it } from "vitest";
import { controlsOf } from "../../scripts/sandbox/render.js";
import { LIMITS } from "../../src/core/limits.js";
import { toMessage } from "../../src/core/respond.js";
import { LIBRARY_TYPES } from "../../src/data/library-types.js";
import { agendaBuilder, MENUS_PER_PAGE, pageOf } from "../../src/discord/agenda/builder.js";
import { agendaMessage } from "../../src/discord/agenda/posting.js";
import { type AgendaView, agendaGroups } from "../../src/domain/agenda/index.js";
import type { InterviewRequest } from "../../src/domain/requests/index.js";

const request = (libraryType: InterviewRequest["libraryType"]): InterviewRequest => ({
  id: "abcd1234",
  guildId: "900000000000000001",
  seekerId: "900000000000000002",
  seekerName: "S".repeat(100),
  mentorId: "900000000000000003",
  libraryType,
  note: "n".repeat(100),
  format: "video",
  state: "accepted",
  createdAt: 0,
  expiresAt: 1,
});

/** The ten longest questions of the type: the most a builder or an agenda ever has to hold. */
const longest = (groups: AgendaView["groups"]) =>
  groups
    .flatMap((group) => group.questions)
    .sort((a, b) => b.length - a.length)
    .slice(0, 10);

const who = {
  librarianName: "L".repeat(100),
  avoidTopics: Array.from({ length: 10 }, (_, i) => `${i}`.repeat(40)),
};

describe("the agenda builder", () => {
  it("fits Discord's limits with ten of the longest questions, for every library type", () => {
    for (const { slug } of LIBRARY_TYPES) {
      const groups = agendaGroups(slug);
      const view: AgendaView = {
        request: request(slug),
        groups,
        draft: { picks: longest(groups) },
        meetingMinutes: 20,
      };
      for (let page = 0; page * MENUS_PER_PAGE < groups.length; page++) {
        const reply = agendaBuilder(view, who, page, "A notice. ".repeat(20));
        expect(reply.content?.length, slug).toBeLessThanOrEqual(LIMITS.content);
        expect(toMessage(reply).content).toBe(reply.content);
        expect(reply.embeds?.[0]?.description?.length).toBeLessThanOrEqual(LIMITS.embedDescription);
        expect(reply.components?.length).toBeLessThanOrEqual(5);
        for (const row of reply.components ?? []) {
          for (const component of row.components) {
            if (!("options" in component)) continue;
            expect(component.options.length).toBeLessThanOrEqual(25);
            expect(component.options.filter((o) => o.default).length).toBeLessThanOrEqual(
              component.max_values ?? 1,
            );
            for (const option of component.options) {
              expect(option.label.length).toBeLessThanOrEqual(LIMITS.selectOptionLabel);
              expect(option.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.selectOptionDescription);
            }
          }
        }
      }
    }
  });

  it("shows a long question whole across an option's label and description", () => {
    const groups = agendaGroups("academic");
    const view: AgendaView = {
      request: request("academic"),
      groups,
      draft: { picks: [] },
      meetingMinutes: 30,
    };
    const menu = agendaBuilder(view, who, 0).components?.[0]?.components[0];
    const options = menu && "options" in menu ? menu.options : [];
    const long = groups[0]?.questions.findIndex((q) => q.length > LIMITS.selectOptionLabel) ?? -1;
    const option = options[long];
    expect(option?.label.endsWith("…")).toBe(true);
    const joined = `${option?.label.slice(0, -1)} ${option?.description?.slice(1)}`;
    expect(joined).toBe(groups[0]?.questions[long]);
  });

  it("lists the topic menus four to a page, the closing questions on the second", () => {
    const groups = agendaGroups("law");
    const view: AgendaView = { request: request("law"), groups, draft: { picks: [] }, meetingMinutes: 30 };
    const labels = (page: number) => controlsOf(agendaBuilder(view, who, page)).map((c) => c.label);
    expect(labels(0).slice(0, 4)).toEqual(groups.slice(0, 4).map((g) => g.name));
    expect(labels(1)[0]).toBe("To close");
    expect(pageOf(groups, "closing")).toBe(1);
    expect(pageOf(groups, "day-to-day")).toBe(0);
  });
});

describe("the posted agenda", () => {
  it("numbers the picks under who it is from and ends with the estimate", () => {
    const text = agendaMessage(request("academic"), "Casey", ["First?", "Second?"], 45, false);
    expect(text).toBe(
      `📋 **Agenda from ${"S".repeat(100)}** for the interview with Casey\n1. First?\n2. Second?\n\n` +
        "About 6 minutes of questions for a 45-minute interview. A guide for the conversation, not a script.",
    );
    expect(agendaMessage(request("academic"), "Casey", ["Q?"], 30, true)).toMatch(
      /^📋 \*\*Updated agenda from/,
    );
  });

  it("shows names as plain text", () => {
    const text = agendaMessage(
      { ...request("law"), seekerName: "**Sam** <@1>" },
      "_Casey_",
      ["Q?"],
      30,
      false,
    );
    expect(text).not.toContain("**Sam**");
    expect(text).not.toContain("<@1>");
    expect(text).toContain("\\_Casey\\_");
  });
});
