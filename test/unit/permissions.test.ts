import { type ChatInputCommandInteraction, PermissionsBitField } from "discord.js";
import { describe, expect, it } from "vitest";
import { requireManageServer } from "../../src/discord/shared/permissions.js";
import { UserError } from "../../src/domain/errors.js";

const interaction = (inGuild: boolean, permissions: bigint) =>
  ({
    inGuild: () => inGuild,
    guildId: inGuild ? "111111111111111111" : null,
    memberPermissions: new PermissionsBitField(permissions),
  }) as unknown as ChatInputCommandInteraction;

describe("requireManageServer", () => {
  it("lets a member with Manage Server through and returns the guild", () => {
    expect(requireManageServer(interaction(true, PermissionsBitField.Flags.ManageGuild), "x")).toBe(
      "111111111111111111",
    );
  });

  it("refuses others even when a server override showed them the command", () => {
    expect(() =>
      requireManageServer(interaction(true, PermissionsBitField.Flags.SendMessages), "manage feeds"),
    ).toThrow(new UserError("Only moderators with the Manage Server permission can manage feeds."));
    expect(() => requireManageServer(interaction(false, 0n), "manage feeds")).toThrow(
      /only works inside a server/,
    );
  });
});
