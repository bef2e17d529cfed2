import { type ChatInputCommandInteraction, PermissionsBitField } from "discord.js";
import { describe, expect, it } from "vitest";
import config from "../../src/commands/config.js";
import type { BotContext } from "../../src/core/types.js";
import { UserError } from "../../src/domain/errors.js";
import { SettingsService } from "../../src/domain/settings/index.js";
import { createStore } from "../../src/store/store.js";

const GUILD = "111111111111111111";

/** /config as a member whose roles lack Manage Server, e.g. after a server override showed it to them. */
function interaction(permissions: bigint, options: Record<string, number> = {}) {
  const replies: unknown[] = [];
  const fake = {
    inGuild: () => true,
    guildId: GUILD,
    memberPermissions: new PermissionsBitField(permissions),
    options: {
      getString: () => null,
      getChannel: () => null,
      getInteger: (name: string) => options[name] ?? null,
    },
    replied: false,
    deferred: false,
    reply: async (message: unknown) => {
      replies.push(message);
    },
  };
  return { fake: fake as unknown as ChatInputCommandInteraction, replies };
}

async function contextWithSettings() {
  const settings = new SettingsService(await createStore({ url: "memory://" }));
  const requests = { queries: { stats: () => ({}), ratingsByMentor: () => [] } };
  const context = {
    services: { settings, requests },
    config: {
      requestExpiryMs: 60_000,
      meetingRemindersMs: [60_000],
      attendanceCheckMs: 60_000,
      firstContactNudgeMs: 60_000,
      unscheduledCloseMs: 60_000,
      feedPollIntervalMs: 60_000,
      lateCancelMs: 60_000,
      noShowWindowMs: 60_000,
      noShowStopMs: 60_000,
      slotHorizonMs: 60_000,
    },
  } as unknown as BotContext;
  return { context, settings };
}

describe("/config at run time", () => {
  it("refuses a member without Manage Server and changes nothing", async () => {
    const { context, settings } = await contextWithSettings();
    const { fake, replies } = interaction(PermissionsBitField.Flags.SendMessages, { "max-pending": 9 });
    await expect(config.execute(fake, context)).rejects.toThrow(
      new UserError(
        "Only moderators with the Manage Server permission can change the interview-request settings.",
      ),
    );
    expect(replies).toEqual([]);
    expect(settings.get(GUILD).maxPendingPerSeeker).toBe(3);
  });

  it("lets a member with Manage Server change a limit", async () => {
    const { context, settings } = await contextWithSettings();
    const { fake, replies } = interaction(PermissionsBitField.Flags.ManageGuild, { "max-pending": 9 });
    await config.execute(fake, context);
    expect(settings.get(GUILD).maxPendingPerSeeker).toBe(9);
    expect(replies).toHaveLength(1);
  });
});
