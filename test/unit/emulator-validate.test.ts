import { ButtonStyle, ComponentType } from "discord-api-types/v10";
import { describe, expect, it } from "vitest";
import { HttpError } from "../../emulator/http.js";
import { validateMessageBody } from "../../emulator/validate.js";

/** The `errors` tree of the 50035 that validating `body` throws, or undefined when it passes. */
function formErrors(body: Record<string, unknown>, path?: string[]): unknown {
  try {
    validateMessageBody(body, path);
    return undefined;
  } catch (error) {
    if (!(error instanceof HttpError) || error.body.code !== 50035) throw error;
    return error.body.errors;
  }
}

const tooLong = (max: number) => ({
  _errors: [{ code: "BASE_TYPE_MAX_LENGTH", message: `Must be ${max} or fewer in length.` }],
});
const badLength = (min: number, max: number) => ({
  _errors: [{ code: "BASE_TYPE_BAD_LENGTH", message: `Must be between ${min} and ${max} in length.` }],
});
const button = (label: string, customId: string) => ({
  type: ComponentType.Button,
  style: ButtonStyle.Primary,
  label,
  custom_id: customId,
});

describe("the emulator's message body checks", () => {
  it("passes a body within every limit", () => {
    const embed = {
      title: "t",
      description: "d",
      fields: [{ name: "n", value: "v" }],
      author: { name: "a" },
    };
    const row = { type: ComponentType.ActionRow, components: [button("Ask", "a"), button("Ask", "b")] };
    expect(formErrors({ content: "hi", embeds: [embed, embed], components: [row] })).toBeUndefined();
  });

  it("names each embed part over its limit, under the body's path", () => {
    const embed = {
      title: "t".repeat(257),
      description: "d".repeat(4097),
      footer: { text: "f".repeat(2049) },
      author: { name: "a".repeat(257) },
      fields: [
        { name: "ok", value: "ok" },
        { name: "", value: "v".repeat(1025) },
      ],
    };
    expect(formErrors({ embeds: [{ title: "fine" }, embed] }, ["data"])).toEqual({
      data: {
        embeds: {
          _errors: [{ code: "MAX_EMBED_SIZE_EXCEEDED", message: "Embed size exceeds maximum size of 6000" }],
          1: {
            title: tooLong(256),
            description: tooLong(4096),
            footer: { text: tooLong(2048) },
            author: { name: tooLong(256) },
            fields: { 1: { name: badLength(1, 256), value: badLength(1, 1024) } },
          },
        },
      },
    });
  });

  it("counts characters, not UTF-16 units, and requires field names and values", () => {
    expect(formErrors({ embeds: [{ title: "📚".repeat(256) }] })).toBeUndefined();
    expect(formErrors({ embeds: [{ title: "📚".repeat(257) }] })).toEqual({
      embeds: { 0: { title: tooLong(256) } },
    });
    expect(formErrors({ embeds: [{ fields: [{ value: "v" }] }] })).toEqual({
      embeds: {
        0: {
          fields: {
            0: { name: { _errors: [{ code: "BASE_TYPE_REQUIRED", message: "This field is required" }] } },
          },
        },
      },
    });
    expect(formErrors({ embeds: Array.from({ length: 11 }, () => ({ title: "t" })) })).toEqual({
      embeds: tooLong(10),
    });
  });

  it("names each component over its limit, and duplicate custom ids", () => {
    const row = {
      type: ComponentType.ActionRow,
      components: [button("l".repeat(81), "same"), button("ok", "same"), button("ok", "c".repeat(101))],
    };
    expect(formErrors({ components: [row] })).toEqual({
      components: {
        0: {
          components: {
            0: { label: tooLong(80) },
            1: {
              custom_id: {
                _errors: [
                  {
                    code: "COMPONENT_CUSTOM_ID_DUPLICATED",
                    message: "Component custom id cannot be duplicated",
                  },
                ],
              },
            },
            2: { custom_id: badLength(1, 100) },
          },
        },
      },
    });
    const rows = Array.from({ length: 6 }, (_, i) => ({
      type: ComponentType.ActionRow,
      components: [button("ok", `b${i}`)],
    }));
    expect(formErrors({ components: rows })).toEqual({ components: tooLong(5) });
  });
});
