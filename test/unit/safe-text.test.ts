import { describe, expect, it } from "vitest";
import { safeText } from "../../src/core/safe-text.js";

/** Lines of the result that Discord would start as a heading, subtext, quote or list item. */
const markupLineStarts = (text: string) =>
  text.split("\n").filter((line) => /^\s*(#{1,3}\s|-#\s|>|[-*]\s|\d+\.\s)/.test(line));

/** `[text](url)` whose `[` is not escaped: Discord would show it as a disguised link. */
const maskedLinks = (text: string) => text.match(/(?<!\\)(?:\\\\)*\[[^\]\n]*\]\([^)\n]*\)/g) ?? [];

describe("safeText", () => {
  it("shows headings, subtext, quotes and lists as typed, not as markup", () => {
    const hostile = [
      "# BIG HEADER",
      "## smaller",
      "   ### indented",
      "\t# after a tab",
      "-# tiny print",
      "> quoted",
      ">>> quoted to the end",
      "- bullet",
      "* star bullet",
      "  - nested bullet",
      "- # heading in a bullet",
      "1. first",
      "12. twelfth",
    ].join("\n");
    const shown = safeText(hostile);
    expect(markupLineStarts(shown)).toEqual([]);
    expect(shown.split("\n")).toEqual([
      "\\# BIG HEADER",
      "\\## smaller",
      "   \\### indented",
      "\t\\# after a tab",
      "\\-# tiny print",
      "\\> quoted",
      "\\>>> quoted to the end",
      "\\- bullet",
      "\\* star bullet",
      "  \\- nested bullet",
      "\\- \\# heading in a bullet",
      "1\\. first",
      "12\\. twelfth",
    ]);
  });

  it("never lets a masked link through, however many there are, but keeps bare links", () => {
    const hostile =
      "[click me](https://evil.example) and [me too](<https://evil.example/2>) [a [nested] one](https://evil.example/3)\n" +
      "see https://library.example/jobs_2025 or <https://library.example/quiet>";
    const shown = safeText(hostile);
    expect(maskedLinks(shown)).toEqual([]);
    expect(shown).toContain("\\[click me](https://evil.example)");
    expect(shown).toContain("\\[me too](<https://evil.example/2>)");
    expect(shown).toContain("https://library.example/jobs_2025");
    expect(shown).toContain("<https://library.example/quiet>");
  });

  it("keeps a typed backslash from un-escaping a link", () => {
    const shown = safeText("\\[click](https://evil.example) \\\\[again](https://evil.example)");
    expect(maskedLinks(shown)).toEqual([]);
  });

  it("escapes inline markup, code and spoilers", () => {
    expect(safeText("**bold** _it_ __under__ ~~gone~~ ||secret|| `code`")).toBe(
      "\\*\\*bold\\*\\* \\_it\\_ \\_\\_under\\_\\_ \\~\\~gone\\~\\~ \\|\\|secret\\|\\| \\`code\\`",
    );
    expect(safeText("```js\nalert(1)\n```")).toBe("\\`\\`\\`js\nalert(1)\n\\`\\`\\`");
  });

  it("breaks mentions, @everyone, @here, channels, commands, emoji, timestamps and server links", () => {
    const shown = safeText(
      "<@123> <@!123> <@&456> <#789> </help:1> <:wave:2> <a:dance:3> <t:1700000000:R> <id:customize> @everyone @here",
    );
    expect(shown).toBe(
      "<\u200b@123> <\u200b@!123> <\u200b@&456> <\u200b#789> <\u200b/help:1> <\u200b:wave:2> <\u200ba:dance:3> " +
        "<\u200bt:1700000000:R> <\u200bid:customize> @\u200beveryone @\u200bhere",
    );
  });

  it("removes zero-width and right-to-left control characters that disguise text", () => {
    expect(safeText("https://bank.example\u202e/moc.live")).toBe("https://bank.example/moc.live");
    expect(safeText("ad\u200bmin \u2066is\u2069 \u200fhere\ufeff\u2060")).toBe("admin is here");
    // Hiding markup behind an invisible character does not get it past the escapes either.
    expect(markupLineStarts(safeText("\u200b# BIG\n\u202e> quote"))).toEqual([]);
    expect(safeText("@\u200beveryone")).toBe("@\u200beveryone");
  });

  it("keeps ordinary text, right-to-left scripts and emoji sequences intact", () => {
    expect(safeText("Reference & outreach, 10 years.")).toBe("Reference & outreach, 10 years.");
    expect(safeText("مكتبة عامة")).toBe("مكتبة عامة");
    expect(safeText("👩\u200d💻 coder")).toBe("👩\u200d💻 coder");
  });
});
