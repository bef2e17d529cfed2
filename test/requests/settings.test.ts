import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { UserError } from "../../src/domain/errors.js";
import { DEFAULT_GUILD_SETTINGS } from "../../src/domain/settings/guild-settings.js";
import { SettingsService } from "../../src/domain/settings/service.js";
import { createStore, guildKey, type Store } from "../../src/store/store.js";
import { describeEachBackend } from "../support/stores.js";
import { refusal } from "./helpers.js";

const G = "guild-1";
const CHANNEL = "123456789012345678";

let store: Store;
let settings: SettingsService;
beforeEach(async () => {
  store = await createStore({ url: "memory://" });
  settings = new SettingsService(store);
  await settings.load();
});
afterEach(() => store.close());

describe("guild settings", () => {
  it("start from the defaults", () => {
    expect(settings.get(G)).toEqual({
      maxPendingPerSeeker: 3,
      sameMentorCooldownDays: 90,
      autoPauseAfterExpiries: 3,
      noShowsBeforePause: 2,
      trail: "all",
      toldNoMentoringChannel: false,
    });
  });

  it("save a change as one record per guild, leaving other guilds alone", async () => {
    const saved = await settings.update(G, {
      mentoringChannelId: CHANNEL,
      maxPendingPerSeeker: 5,
      sameMentorCooldownDays: "0",
    });
    expect(saved).toMatchObject({
      mentoringChannelId: CHANNEL,
      maxPendingPerSeeker: 5,
      sameMentorCooldownDays: 0,
    });
    expect(await store.get(guildKey(G, "settings"))).toEqual(saved);
    expect(settings.get(G)).toEqual(saved);
    expect(settings.get("guild-2")).toEqual(DEFAULT_GUILD_SETTINGS);
  });

  it.each([
    [{ maxPendingPerSeeker: 0 }, "Pending requests per seeker must be a whole number from 1 to 10."],
    [{ maxPendingPerSeeker: 11 }, "Pending requests per seeker must be a whole number from 1 to 10."],
    [
      { sameMentorCooldownDays: 366 },
      "Days before asking the same librarian again must be a whole number from 0 to 365.",
    ],
    [{ sameMentorCooldownDays: -1 }, "from 0 to 365"],
    [
      { autoPauseAfterExpiries: 2.5 },
      "Unanswered requests in a row before a pause must be a whole number from 1 to 10.",
    ],
    [{ autoPauseAfterExpiries: "three" }, "from 1 to 10"],
    [{ noShowsBeforePause: 0 }, "No-shows before a pause must be a whole number from 1 to 10."],
    [{ maxPendingPerSeeker: "" }, "from 1 to 10"],
    [{ mentoringChannelId: "#general" }, "Mentoring channel must be a channel id (17 to 20 digits)."],
    [{ logChannelId: "12" }, "Log channel must be a channel id (17 to 20 digits)."],
  ])("refuse %o with a clear message and change nothing", async (patch, message) => {
    await settings.update(G, { maxPendingPerSeeker: 4 });
    const error = await refusal(settings.update(G, { sameMentorCooldownDays: 30, ...patch }));
    expect(error).toContain(`UserError: `);
    expect(error).toContain(message);
    expect(settings.get(G)).toMatchObject({ maxPendingPerSeeker: 4, sameMentorCooldownDays: 90 });
    expect(await store.get(guildKey(G, "settings"))).toMatchObject({ maxPendingPerSeeker: 4 });
  });

  it("accept the edges of each range", async () => {
    await expect(
      settings.update(G, {
        maxPendingPerSeeker: 10,
        sameMentorCooldownDays: 365,
        autoPauseAfterExpiries: 1,
        noShowsBeforePause: 10,
      }),
    ).resolves.toMatchObject({
      maxPendingPerSeeker: 10,
      sameMentorCooldownDays: 365,
      autoPauseAfterExpiries: 1,
      noShowsBeforePause: 10,
    });
  });

  it("clear a channel with null", async () => {
    await settings.update(G, { logChannelId: CHANNEL });
    const saved = await settings.update(G, { logChannelId: null });
    expect("logChannelId" in saved).toBe(false);
  });

  it("return a copy that callers cannot use to change the settings", () => {
    const copy = settings.get(G);
    copy.maxPendingPerSeeker = 9;
    expect(settings.get(G).maxPendingPerSeeker).toBe(3);
  });
});

describe("the no-mentoring-channel notice", () => {
  it("is claimed by exactly one of many simultaneous callers", async () => {
    const claims = await Promise.all(Array.from({ length: 10 }, () => settings.claimNoChannelNotice(G)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(settings.get(G).toldNoMentoringChannel).toBe(true);
    expect(await settings.claimNoChannelNotice(G)).toBe(false);
  });

  it("is not needed while a channel is set, and is due again after a new channel is removed", async () => {
    await settings.claimNoChannelNotice(G);
    await settings.update(G, { mentoringChannelId: CHANNEL });
    expect(await settings.claimNoChannelNotice(G)).toBe(false);
    await settings.update(G, { mentoringChannelId: null });
    expect(await settings.claimNoChannelNotice(G)).toBe(true);
  });

  it("refusals are UserErrors", async () => {
    await expect(settings.update(G, { maxPendingPerSeeker: 99 })).rejects.toBeInstanceOf(UserError);
  });
});

describeEachBackend("guild settings in a store", (backend) => {
  it("are read back after a restart", async () => {
    const url = backend.freshUrl();
    const first = await createStore({ url });
    await new SettingsService(first).update(G, { autoPauseAfterExpiries: 7, logChannelId: CHANNEL });
    await first.close();
    const second = await createStore({ url });
    const reloaded = new SettingsService(second);
    await reloaded.load();
    expect(reloaded.get(G)).toMatchObject({
      autoPauseAfterExpiries: 7,
      logChannelId: CHANNEL,
      maxPendingPerSeeker: 3,
    });
    await second.close();
  });
});
