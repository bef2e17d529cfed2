import { ButtonStyle, ComponentType } from "discord-api-types/v10";
import { describe, expect, it } from "vitest";
import { parseCommandLine, tokenize } from "../../scripts/sandbox/parse.js";
import { controlsOf, renderMessage } from "../../scripts/sandbox/render.js";
import { loadCommands } from "../../src/core/loader.js";

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
    expect(() => parseCommandLine("/help extra", definitions)).toThrow(/Unexpected "extra"/);
    expect(() => parseCommandLine("/guide share:maybe", definitions)).toThrow(/share must be true or false/);
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
              { label: "B", value: "b" },
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
    expect(text).toContain("2) B");
  });

  it("numbers controls in reading order", () => {
    expect(controlsOf(message).map((control) => [control.number, control.customId])).toEqual([
      [1, "p"],
      [2, "n"],
      [3, "s"],
    ]);
  });
});
