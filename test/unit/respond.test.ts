import type { APIEmbed } from "discord.js";
import { describe, expect, it } from "vitest";
import { customId, parseCustomId } from "../../src/core/custom-ids.js";
import { splitText, truncate } from "../../src/core/limits.js";
import { toMessage } from "../../src/core/respond.js";

describe("toMessage", () => {
  it("pings nobody unless asked to", () => {
    expect(toMessage({ content: "hi <@123> @everyone" }).allowedMentions).toEqual({ parse: [] });
    expect(toMessage({ content: "<@&9>", allowedMentions: { roles: ["9"] } }).allowedMentions).toEqual({
      roles: ["9"],
    });
  });

  it("cuts content and embeds to Discord's limits", () => {
    const message = toMessage({
      content: "x".repeat(2500),
      embeds: [
        {
          title: "t".repeat(300),
          description: "d".repeat(5000),
          footer: { text: "f".repeat(3000) },
          fields: Array.from({ length: 30 }, (_, i) => ({ name: `n${i}`, value: "v".repeat(2000) })),
        },
      ],
    });
    expect(message.content).toHaveLength(2000);
    expect(message.content?.endsWith("…")).toBe(true);
    const embed = (message.embeds as unknown[])[0] as {
      title: string;
      description: string;
      footer: { text: string };
      fields: { name: string; value: string }[];
    };
    expect(embed.title.length).toBeLessThanOrEqual(256);
    expect(embed.footer.text.length).toBeLessThanOrEqual(2048);
    expect(embed.fields.length).toBeLessThanOrEqual(25);
    for (const field of embed.fields) expect(field.value.length).toBeLessThanOrEqual(1024);
    const total =
      embed.title.length +
      embed.description.length +
      embed.footer.text.length +
      embed.fields.reduce((sum, field) => sum + field.name.length + field.value.length, 0);
    expect(total).toBeLessThanOrEqual(6000);
  });

  it("keeps all of a message's embeds within 6,000 characters together, cutting from the last", () => {
    const card = (i: number) => ({
      title: `Card ${i}`,
      description: "d".repeat(800),
      fields: [
        { name: "Topics", value: "t".repeat(300) },
        { name: "Career moves", value: "c".repeat(300) },
      ],
      footer: { text: `Result ${i}` },
    });
    const embeds = (toMessage({ embeds: [1, 2, 3, 4, 5].map(card) }).embeds ?? []) as APIEmbed[];
    const length = (embed: APIEmbed) =>
      (embed.title?.length ?? 0) +
      (embed.description?.length ?? 0) +
      (embed.footer?.text.length ?? 0) +
      (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0);
    expect(embeds.reduce((sum, embed) => sum + length(embed), 0)).toBeLessThanOrEqual(6000);
    // 5 × 1,432 characters: the last card loses its fields and some of its description.
    expect(embeds.slice(0, 4)).toEqual([1, 2, 3, 4].map(card));
    expect(embeds[4]).toMatchObject({ title: "Card 5", fields: [], footer: { text: "Result 5" } });
    expect(embeds[4]?.description).toMatch(/^d{200,257}…$/);
  });

  it("passes embeds within every limit through as they are", () => {
    const embed = { title: "t", fields: [{ name: "n", value: "v" }] };
    const [sent] = (toMessage({ embeds: [embed] }).embeds ?? []) as APIEmbed[];
    expect(sent).toEqual(embed);
  });

  it("keeps at most ten embeds", () => {
    const embeds = Array.from({ length: 12 }, (_, i) => ({ title: `e${i}` }));
    expect(toMessage({ embeds }).embeds).toHaveLength(10);
  });
});

describe("text limits", () => {
  it("truncates with an ellipsis only when needed", () => {
    expect(truncate("short", 10)).toBe("short");
    expect(truncate("a long sentence here", 10)).toBe("a long se…");
  });

  it("splits long text at line breaks into chunks within the limit", () => {
    const text = Array.from({ length: 100 }, (_, i) => `Line ${i} ${"word ".repeat(10).trim()}`).join("\n");
    const chunks = splitText(text, 500);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(500);
    expect(chunks.join("\n")).toBe(text);
  });
});

describe("custom IDs", () => {
  it("round-trips a prefix and its arguments", () => {
    const id = customId("questions-page", "academic", "-", 2);
    expect(parseCustomId(id)).toEqual({ prefix: "questions-page", args: ["academic", "-", "2"] });
  });

  it("rejects unknown prefixes and over-long IDs", () => {
    expect(parseCustomId("nope|1")).toBeUndefined();
    expect(() => customId("questions-dm", "x".repeat(120))).toThrow(/longer than 100/);
  });
});
