import {
  type APIModalInteractionResponseCallbackData,
  ButtonStyle,
  ComponentType,
  PermissionFlagsBits,
  TextInputStyle,
} from "discord-api-types/v10";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkFieldAnswer, fieldHint, fieldPrompt, formFieldsOf } from "../../scripts/sandbox/form.js";
import { parseCommandLine, tokenize } from "../../scripts/sandbox/parse.js";
import { permissionNames, plainError } from "../../scripts/sandbox/plain-errors.js";
import { controlsOf, relativeTime, renderMessage } from "../../scripts/sandbox/render.js";
import { SampleFeedServer } from "../../scripts/sandbox/sample-feeds.js";
import { loadCommands } from "../../src/core/loader.js";
import { parseFeed } from "../../src/domain/feeds/parse.js";

const definitions = [...(await loadCommands()).values()].map((command) => command.data.toJSON());

describe("sandbox command line", () => {
  it("keeps quoted text together", () => {
    expect(tokenize('/feeds add url:"https://x.org/a b" share')).toEqual([
      "/feeds",
      "add",
      "url:https://x.org/a b",
      "share",
    ]);
  });

  it("fills options positionally in declared order, or by name", () => {
    expect(parseCommandLine("/questions public-library", definitions)).toEqual({
      name: "questions",
      path: [],
      options: { "library-type": "public-library" },
    });
    expect(
      parseCommandLine("/questions academic topic:hiring-and-career share:true", definitions).options,
    ).toEqual({
      "library-type": "academic",
      topic: "hiring-and-career",
      share: true,
    });
    expect(parseCommandLine('questions "public library" day-to-day yes', definitions).options).toEqual({
      "library-type": "public library",
      topic: "day-to-day",
      share: true,
    });
  });

  it("explains unknown commands and extra values", () => {
    expect(() => parseCommandLine("/nope", definitions)).toThrow(/No command \/nope/);
    expect(() => parseCommandLine("/help extra", definitions)).toThrow(
      '"extra" is one value too many: /help takes no options.',
    );
    expect(() => parseCommandLine("/guide true extra", definitions)).toThrow(
      '"extra" is one value too many for /guide. Its options: share (give one as name:value).',
    );
    expect(() => parseCommandLine("/guide share:maybe", definitions)).toThrow(/share must be true or false/);
  });

  it("says in plain words what a command needs before Discord would refuse it", () => {
    expect(() => parseCommandLine("/feeds add", definitions)).toThrow(
      "/feeds add needs url (The feed's address), e.g. /feeds add url:…",
    );
    expect(() => parseCommandLine("/config max-pending:0", definitions)).toThrow(
      /max-pending must be \d+ to \d+, got 0/,
    );
    expect(() => parseCommandLine("/config max-pending:1.5", definitions)).toThrow(
      "max-pending must be a whole number",
    );
    expect(() => parseCommandLine("/questions academic topic:salaries", definitions)).toThrow(
      "topic is one of: day-to-day, library-and-people, hiring-and-career, skills-and-growth",
    );
    const longUrl = `https://example.org/${"a".repeat(500)}`;
    expect(() => parseCommandLine(`/feeds add ${longUrl}`, definitions)).toThrow(
      "url must be at most 500 characters long, got 520",
    );
  });

  it("accepts a choice by its shown name as well as its value", () => {
    expect(parseCommandLine("/config clear:log", definitions).options).toEqual({ clear: "log" });
    expect(parseCommandLine('/config clear:"log channel"', definitions).options).toEqual({ clear: "log" });
  });

  it("turns names typed for users, channels and roles into ids with the given resolver", () => {
    const ids: Record<string, string> = { "career-articles": "111", "Job seekers": "222" };
    const parsed = parseCommandLine(
      '/feeds add url:https://x.org/feed channel:career-articles mention:"Job seekers"',
      definitions,
      (_type, raw) => ids[raw] ?? raw,
    );
    expect(parsed).toEqual({
      name: "feeds",
      path: ["add"],
      options: { url: "https://x.org/feed", channel: "111", mention: "222" },
    });
  });
});

describe("sandbox forms", () => {
  const modal: APIModalInteractionResponseCallbackData = {
    custom_id: "request-form|1",
    title: "Ask Ada",
    components: [
      {
        type: ComponentType.Label,
        label: "What do you hope to learn from them?",
        component: {
          type: ComponentType.TextInput,
          custom_id: "note",
          style: TextInputStyle.Paragraph,
          min_length: 30,
          max_length: 1000,
        },
      },
      {
        type: ComponentType.Label,
        label: "How would you like to talk?",
        component: {
          type: ComponentType.StringSelect,
          custom_id: "format",
          options: [
            { label: "Video call", value: "video" },
            { label: "Text chat", value: "text" },
          ],
        },
      },
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.TextInput,
            custom_id: "free",
            label: "When are you generally free? (optional)",
            style: TextInputStyle.Short,
            required: false,
            max_length: 200,
            value: "evenings",
          },
        ],
      },
    ],
  };
  const [note, format, free] = formFieldsOf(modal);

  it("reads fields from labels and action rows, required unless they say otherwise", () => {
    expect(formFieldsOf(modal).map((f) => [f.customId, f.required])).toEqual([
      ["note", true],
      ["format", true],
      ["free", false],
    ]);
  });

  it("shows whether a field is required and its length limits", () => {
    if (!note || !free || !format) throw new Error("fields missing");
    expect(fieldHint(note)).toBe("required, 30–1000 characters");
    expect(fieldPrompt(free)).toBe(
      "│ When are you generally free? [optional, up to 200 characters] (now: evenings; Enter keeps it): ",
    );
    expect(fieldHint(format)).toBe("required");
  });

  it("explains an answer that doesn't fit, so the field can be asked again", () => {
    if (!note || !free || !format) throw new Error("fields missing");
    expect(checkFieldAnswer(note, "")).toEqual({ ok: false, problem: "This field is required." });
    expect(checkFieldAnswer(note, "too short")).toEqual({
      ok: false,
      problem: "Too short: at least 30 characters, you wrote 9.",
    });
    expect(checkFieldAnswer(note, "x".repeat(1001))).toEqual({
      ok: false,
      problem: "Too long: at most 1000 characters, you wrote 1001.",
    });
    expect(checkFieldAnswer(note, "I would like to hear about liaison work.")).toEqual({
      ok: true,
      value: "I would like to hear about liaison work.",
    });
    expect(checkFieldAnswer(free, "")).toEqual({ ok: true, value: "evenings" });
    expect(checkFieldAnswer(format, "3")).toEqual({
      ok: false,
      problem: 'There is no choice "3": pick 1 to 2.',
    });
    expect(checkFieldAnswer(format, "1,2")).toEqual({ ok: false, problem: "Pick only one." });
    expect(checkFieldAnswer(format, "")).toEqual({ ok: false, problem: "Pick one." });
    expect(checkFieldAnswer(format, "text")).toEqual({ ok: true, value: ["text"] });
    expect(checkFieldAnswer(format, "2")).toEqual({ ok: true, value: ["text"] });
  });
});

describe("sandbox wording", () => {
  it("names permissions as Discord's settings do", () => {
    expect(permissionNames(PermissionFlagsBits.ManageGuild | PermissionFlagsBits.ManageThreads)).toEqual([
      "Manage Server",
      "Manage Threads",
    ]);
    expect(permissionNames(PermissionFlagsBits.ViewAuditLog)).toEqual(["View Audit Log"]);
  });

  it("rewords the emulator's messages and keeps only the first line of others", () => {
    expect(plainError('Select "pick" takes 1..2 values, got 3')).toBe(
      "That menu takes 1 to 2 choices; you picked 3.",
    );
    expect(plainError('Component "request|accept|1" is disabled')).toBe("That button is disabled.");
    expect(plainError("Timed out after 5000 ms: waiting for the reply to /x (interaction 1) ...")).toMatch(
      /^The bot has not answered within 5 s\./,
    );
    expect(plainError('/feeds add: "channel" only accepts channel types 0, 5')).toBe(
      "That channel can't be used for channel: pick a text channel (type `channels`).",
    );
    expect(plainError("Something odd\nstack")).toBe("Something odd");
  });
});

describe("sandbox rendering", () => {
  const message = {
    flags: 64,
    content: "Hello",
    embeds: [
      {
        title: "Title",
        description: "Line one\nLine two",
        fields: [{ name: "F", value: "V" }],
        footer: { text: "foot" },
      },
    ],
    components: [
      {
        type: ComponentType.ActionRow as const,
        components: [
          {
            type: ComponentType.Button as const,
            style: ButtonStyle.Secondary as const,
            label: "Previous",
            custom_id: "p",
            disabled: true,
          },
          {
            type: ComponentType.Button as const,
            style: ButtonStyle.Primary as const,
            label: "Next",
            custom_id: "n",
          },
        ],
      },
      {
        type: ComponentType.ActionRow as const,
        components: [
          {
            type: ComponentType.StringSelect as const,
            custom_id: "s",
            placeholder: "Pick one",
            options: [
              { label: "A", value: "a" },
              { label: "B", value: "b", default: true },
            ],
          },
        ],
      },
    ],
  };

  it("shows ephemeral messages, embeds, fields and numbered controls", () => {
    const text = renderMessage(message);
    expect(text).toContain("(only you can see this)");
    expect(text).toContain("│ Title");
    expect(text).toContain("│ Line two");
    expect(text).toContain("│ ▸ F");
    expect(text).toContain("[1] Previous (disabled)");
    expect(text).toContain("[2] Next");
    expect(text).toContain("[3] menu: Pick one");
    expect(text).toContain("1) A\n      2) B ✓");
  });

  it("shows mentions by name when names are known", () => {
    const names = {
      user: (id: string) => (id === "1" ? "sam" : undefined),
      channel: (id: string) => (id === "2" ? "mod-log" : undefined),
      role: (id: string) => (id === "3" ? "Job seekers" : undefined),
    };
    expect(renderMessage({ content: "<@1> <@!1> <#2> <@&3> <@9>" }, names)).toBe(
      "@sam @sam #mod-log @Job seekers <@9>",
    );
  });

  it("shows relative timestamps as Discord does", () => {
    expect(relativeTime(7 * 86_400_000)).toBe("in 7 days");
    expect(relativeTime(-3 * 60_000)).toBe("3 minutes ago");
    expect(relativeTime(1000)).toBe("in 1 second");
    const inAnHour = Math.floor(Date.now() / 1000) + 3600;
    expect(renderMessage({ content: `by <t:${inAnHour}:R>` })).toBe("by in 1 hour");
  });

  it("numbers controls in reading order", () => {
    expect(controlsOf(message).map((control) => [control.number, control.customId])).toEqual([
      [1, "p"],
      [2, "n"],
      [3, "s"],
    ]);
  });
});

describe("sandbox sample feeds", () => {
  let server: SampleFeedServer;
  beforeAll(async () => {
    server = await SampleFeedServer.start();
  });
  afterAll(async () => {
    await server.stop();
  });

  it("serves RSS and Atom on 127.0.0.1 that the bot's parser reads, and publishes new articles", async () => {
    const feeds = server.feeds();
    expect(feeds.map((f) => f.format)).toEqual(["RSS", "Atom"]);
    for (const feed of feeds) {
      expect(feed.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
      const response = await fetch(feed.url);
      expect(response.status).toBe(200);
      const parsed = parseFeed(await response.text(), feed.url);
      expect(parsed.title).toBe(feed.title);
      expect(parsed.items).toHaveLength(feed.articles);
      expect(parsed.items.every((item) => item.link?.startsWith(server.baseUrl) && item.published)).toBe(
        true,
      );
      const article = await fetch(parsed.items[0]?.link ?? "");
      expect(article.status).toBe(200);
    }
    const published = server.publishNext();
    expect(published).toHaveLength(2);
    const first = feeds[0];
    if (!first) throw new Error("no feed");
    const after = parseFeed(await (await fetch(first.url)).text(), first.url);
    expect(after.items).toHaveLength(first.articles + 1);
    expect(published[0]).toContain(after.items[0]?.title);
    expect((await fetch(`${server.baseUrl}/nothing`)).status).toBe(404);
  });
});
