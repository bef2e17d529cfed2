import { describe, expect, it } from "vitest";
import { UserError } from "../../src/domain/errors.js";
import { SettingsService, trailIncludes } from "../../src/domain/settings/index.js";
import { createStore, guildKey } from "../../src/store/store.js";

const GUILD = "111111111111111111";

describe("the moderator's trail setting", () => {
  it("reads as 'all' for a guild saved before the setting existed, and keeps a valid choice", async () => {
    const store = await createStore({ url: "memory://" });
    await store.set(guildKey(GUILD, "settings"), { maxPendingPerSeeker: 4 });
    const settings = new SettingsService(store);
    await settings.load();
    expect(settings.get(GUILD)).toMatchObject({ maxPendingPerSeeker: 4, trail: "all" });
    await settings.update(GUILD, { trail: "safety" });
    expect(settings.get(GUILD).trail).toBe("safety");
  });

  it("refuses an unknown choice and changes nothing", async () => {
    const settings = new SettingsService(await createStore({ url: "memory://" }));
    await expect(settings.update(GUILD, { trail: "some", maxPendingPerSeeker: 5 })).rejects.toThrow(
      UserError,
    );
    expect(settings.get(GUILD)).toMatchObject({ trail: "all", maxPendingPerSeeker: 3 });
  });

  it("keeps removals, bot pauses, blocks and reports in 'safety', and nothing in 'off'", () => {
    const events = ["join", "edit", "leave", "remove", "bot-pause", "block", "report"] as const;
    expect(events.filter((event) => trailIncludes("safety", event))).toEqual([
      "remove",
      "bot-pause",
      "block",
      "report",
    ]);
    expect(events.filter((event) => trailIncludes("all", event))).toEqual([...events]);
    expect(events.filter((event) => trailIncludes("off", event))).toEqual([]);
  });
});
