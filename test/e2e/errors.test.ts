import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStore, type Store } from "../../src/store/store.js";
import { startTestBot, type TestBot } from "../support/harness.js";

/** A store that fails once `broken` is set, like a disk going bad while the bot runs. */
let broken = false;
async function failingStore(): Promise<Store> {
  const store = await createStore({ url: "memory://" });
  const healthy = () => {
    if (broken) throw new Error("SQLITE_IOERR: disk I/O error");
    return store;
  };
  return {
    get: async (key) => healthy().get(key),
    set: async (key, value, ttl) => healthy().set(key, value, ttl),
    delete: async (key) => healthy().delete(key),
    update: async (key, change) => healthy().update(key, change),
    claim: async (key, value, ttl) => healthy().claim(key, value, ttl),
    entries: (prefix) => healthy().entries(prefix),
    close: () => store.close(),
  };
}

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot({ store: await failingStore() });
  broken = true;
});
afterAll(async () => {
  await t?.stop();
});

describe("unexpected errors", () => {
  it("answers a failing handler with a short message and an error id, logs the context, and keeps serving", async () => {
    const moderator = t.emulator.as(t.seed.members.moderator, { guildId: t.seed.guildId });
    const handle = moderator.command("feeds", {
      subcommand: "add",
      options: { url: "http://127.0.0.1:9/feed.xml" },
    });
    const reply = await handle.reply();
    expect(handle.ephemeral).toBe(true);
    const errorId = /error id `([0-9a-f]{8})`/.exec(reply.content)?.[1];
    expect(errorId).toBeDefined();
    expect(reply.content).not.toContain("SQLITE");

    const logged = t.logs.find((line) => line.errorId === errorId);
    expect(logged).toMatchObject({
      level: 50,
      handler: "/feeds",
      userId: t.seed.members.moderator,
      guildId: t.seed.guildId,
    });
    expect(JSON.stringify(logged)).toContain("SQLITE_IOERR");

    const help = await moderator.command("help").reply();
    expect(help.embeds[0]?.title).toContain("Reference Desk");
  });

  it("answers a button whose custom ID it does not know", async () => {
    const seeker = t.emulator.as(t.seed.members.seeker, { guildId: t.seed.guildId });
    const reply = await seeker.command("questions", { "library-type": "museum", share: true }).reply();
    const message = t.emulator.message(reply.id);
    if (!message) throw new Error("message not stored");
    const row = message.components?.[0];
    if (row && "components" in row) {
      const button = row.components[1];
      if (button && "custom_id" in button) button.custom_id = "retired-feature|123";
    }
    const handle = seeker.click(message, "retired-feature|123");
    const answer = await handle.reply();
    expect(handle.ephemeral).toBe(true);
    expect(answer.content).toMatch(/no longer works/);
  });

  it("logs a component of the wrong kind with an error id instead of acting on it", async () => {
    const seeker = t.emulator.as(t.seed.members.seeker, { guildId: t.seed.guildId });
    const reply = await seeker.command("questions", { "library-type": "law", share: true }).reply();
    const message = t.emulator.message(reply.id);
    if (!message) throw new Error("message not stored");
    const row = message.components?.[0];
    if (row && "components" in row) {
      const button = row.components[1];
      // A form's prefix on a button: the mentor form handler must never see a button press.
      if (button && "custom_id" in button) button.custom_id = "mentor-about";
    }
    const handle = seeker.click(message, "mentor-about");
    const answer = await handle.reply();
    expect(handle.ephemeral).toBe(true);
    const errorId = /error id `([0-9a-f]{8})`/.exec(answer.content)?.[1];
    expect(errorId).toBeDefined();
    expect(answer.content).not.toMatch(/^Done/);
    const logged = t.logs.find((line) => line.errorId === errorId);
    expect(logged).toMatchObject({ level: 50, handler: "mentor-about", userId: t.seed.members.seeker });
    expect(JSON.stringify(logged)).toContain("handled as a modal, but came from a button");
  });

  it("hides moderator commands from members without Manage Server", async () => {
    const seeker = t.emulator.as(t.seed.members.seeker, { guildId: t.seed.guildId });
    // default_member_permissions hides the command; the emulator enforces it like Discord does.
    expect(() => seeker.command("feeds", { subcommand: "list" })).toThrow(/permission/i);
  });
});
