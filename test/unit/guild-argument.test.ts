import { ButtonStyle } from "discord.js";
import { describe, expect, it } from "vitest";
import {
  CUSTOM_ID_KINDS,
  type CustomIdPrefix,
  GUILD_ARGUMENT,
  parseCustomId,
} from "../../src/core/custom-ids.js";
import { requestButton } from "../../src/discord/requests/card.js";
import { askModal } from "../../src/discord/requests/modals.js";
import { mentor } from "../mentors/fixtures.js";

const guildOf = (id: string): string | undefined => {
  const parsed = parseCustomId(id);
  const at = parsed && GUILD_ARGUMENT[parsed.prefix];
  return parsed && at !== undefined ? parsed.args[at] : undefined;
};

// The router loads the guild a DM component names before its handler runs: each prefix a request
// puts in a DM must say which argument that is.
describe("GUILD_ARGUMENT", () => {
  it("names the guild for every request component", () => {
    const request = { guildId: "111", id: "r1" };
    const prefixes = Object.keys(CUSTOM_ID_KINDS).filter(
      (prefix) => prefix.startsWith("request-") && !["request-ask", "request-form"].includes(prefix),
    ) as CustomIdPrefix[];
    expect(prefixes.length).toBeGreaterThan(10);
    for (const prefix of prefixes)
      expect(guildOf(requestButton(prefix, request, "Go", ButtonStyle.Primary).custom_id)).toBe("111");
  });

  it("names the guild of an Ask form sent in a DM", () => {
    expect(guildOf(askModal(mentor({ userId: "222" }), "academic", "111").custom_id)).toBe("111");
    expect(guildOf(askModal(mentor({ userId: "222" }), "academic").custom_id)).toBeUndefined();
  });

  it("names the guild for every meeting and agenda component, which also reach people by DM", () => {
    const prefixes = Object.keys(CUSTOM_ID_KINDS).filter(
      (prefix) => /^(meeting|agenda)-/.test(prefix) && prefix !== "meeting-forgive",
    ) as CustomIdPrefix[];
    expect(prefixes.length).toBeGreaterThan(10);
    for (const prefix of prefixes) expect(GUILD_ARGUMENT[prefix], prefix).toBe(0);
  });
});
