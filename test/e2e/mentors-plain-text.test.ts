import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestBot, type TestBot } from "../support/harness.js";
import { customIdOf } from "../support/messages.js";

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
});
afterAll(async () => {
  await t?.stop();
});

const as = (member: string) => t.emulator.as(member, { guildId: t.seed.guildId });

const HOSTILE_BIO = [
  "# BIG HEADER",
  "[click me](https://evil.example) or [here](https://evil.example/2)",
  "-# small print",
  "> quoted",
  "- listed",
  "1. numbered",
  "||hidden|| @everyone <@123> ad\u202emin",
  "My library's jobs page: https://library.example/jobs",
].join("\n");

/** Lines Discord would render as a heading, subtext, quote or list item. */
const markupLines = (text: string) =>
  text.split("\n").filter((line) => /^\s*(#{1,3}\s|-#\s|>|[-*]\s|\d+\.\s)/.test(line));

/** `[text](url)` with an unescaped `[`: a disguised link. */
const maskedLinks = (text: string) => text.match(/(?<!\\)(?:\\\\)*\[[^\]\n]*\]\([^)\n]*\)/g) ?? [];

describe("a librarian's card", () => {
  it("shows a bio full of markdown in /findmentor as plain text, bare links still links", async () => {
    const actor = as(t.seed.members.librarian);
    let message = await actor.command("mentor", { subcommand: "join" }).reply();
    message = await actor.select(message, "mentor-types", ["academic"]).reply();
    message = await actor.select(message, "mentor-formats", ["video"]).reply();
    await actor.click(message, customIdOf(message, "Next: about your work")).modal();
    message = await actor
      .submitModal(
        "mentor-about",
        {
          role: "## Head of [Security](https://evil.example/role)",
          institution: "",
          region: "> Midwest",
          timeZone: "America/Chicago",
          topics: "instruction",
        },
        message,
      )
      .reply();
    await actor.click(message, customIdOf(message, "Next: your story")).modal();
    message = await actor
      .submitModal("mentor-story", { bio: HOSTILE_BIO, careerMoves: "", monthlyCapacity: "2" }, message)
      .reply();
    const done = await actor.click(message, customIdOf(message, "Confirm and list me")).reply();
    expect(done.content).toMatch(/You're listed/);

    const found = await as(t.seed.members.seeker)
      .command("findmentor", { "library-type": "academic" })
      .reply();
    const card = found.embeds[0];
    const description = card?.description ?? "";
    const region = card?.fields?.find((field) => field.name === "Region and time zone")?.value ?? "";

    for (const shown of [description, card?.title ?? "", region]) {
      expect(markupLines(shown)).toEqual([]);
      expect(maskedLinks(shown)).toEqual([]);
    }
    expect(description.split("\n")).toEqual([
      "\\# BIG HEADER",
      "\\[click me](https://evil.example) or \\[here](https://evil.example/2)",
      "\\-# small print",
      "\\> quoted",
      "\\- listed",
      "1\\. numbered",
      "\\|\\|hidden\\|\\| @\u200beveryone <\u200b@123> admin",
      "My library's jobs page: https://library.example/jobs",
    ]);
    expect(card?.title).toBe("\\## Head of \\[Security](https://evil.example/role)");
    expect(region).toMatch(/^\\> Midwest/);
  });
});
