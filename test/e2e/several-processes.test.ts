import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { createServices, type Services } from "../../src/services.js";
import { createStore, type Store } from "../../src/store/store.js";
import { startTestBot, type TestBot } from "../support/harness.js";
import { actor, ask, listLibrarian, newMember, openRequest } from "../support/requests.js";

// The bot, and a second process on the same SQLite file: the services alone, as another shard or a
// second instance would run them. What the second one writes, the bot's next interaction shows.

const dir = mkdtempSync(join(tmpdir(), "rd-several-"));
const url = `sqlite://${join(dir, "shared.sqlite")}`;
let t: TestBot;
let otherStore: Store;
let other: Services;

beforeAll(async () => {
  t = await startTestBot({ env: { DATABASE_URL: url } });
  otherStore = await createStore({ url });
  other = await createServices(
    otherStore,
    loadConfig({ DISCORD_TOKEN: "x" }, ["DISCORD_TOKEN"]),
    createLogger("silent"),
  );
});
afterAll(async () => {
  await t?.stop();
  await otherStore?.close();
  rmSync(dir, { recursive: true, force: true });
});

const findmentor = async (seekerId: string) =>
  JSON.stringify(await actor(t, seekerId).command("findmentor", { "library-type": "academic" }).reply());

describe("a second process on the same store", () => {
  it("loads no server before it is used", () => {
    expect(t.bot.context.services.versions.isLoaded(t.seed.guildId)).toBe(false);
  });

  it("lists a librarian the other process added, and shows their edits and their leaving", async () => {
    const guildId = t.seed.guildId;
    const librarianId = newMember(t, "Robin");
    const seekerId = newMember(t, "Sam");
    expect(await findmentor(seekerId)).not.toContain("Robin");
    expect(t.bot.context.services.versions.isLoaded(guildId)).toBe(true);

    await other.syncGuild(guildId);
    await other.mentors.join({
      guildId,
      userId: librarianId,
      displayName: "Robin",
      libraryTypes: ["academic"],
      role: "Map librarian",
      region: "Midwest",
      timeZone: "America/Chicago",
      formats: ["video"],
      topics: ["gis"],
      bio: "I look after the map room and teach GIS.",
    });
    expect(await findmentor(seekerId)).toContain("Map librarian");

    await other.mentors.edit(guildId, librarianId, { role: "Data services librarian" });
    const edited = await findmentor(seekerId);
    expect(edited).toContain("Data services librarian");
    expect(edited).not.toContain("Map librarian");

    await other.mentors.leave(guildId, librarianId);
    expect(await findmentor(seekerId)).not.toContain("Robin");
  });

  it("shows a request the other process cancelled, and a setting it changed", async () => {
    const guildId = t.seed.guildId;
    const librarianId = newMember(t, "Casey");
    const seekerId = newMember(t, "Jordan");
    await listLibrarian(t, librarianId);
    const { reply } = await ask(t, seekerId, "Casey");
    expect(reply.content).toMatch(/on its way/);
    const request = openRequest(t, seekerId, librarianId);
    // Delivered and settled first: two processes writing one record at once is the store's matter.
    await vi.waitFor(() =>
      expect(t.bot.context.services.requests.records.get(guildId, request.id)?.effects).toBeUndefined(),
    );

    await other.syncGuild(guildId);
    await other.requests.lifecycle.cancel(guildId, request.id, seekerId);
    const listed = await actor(t, seekerId).command("requests").reply();
    expect(listed.content).toMatch(/no open interview requests/);

    await other.settings.update(guildId, { maxPendingPerSeeker: 7 });
    expect(t.bot.context.services.settings.get(guildId).maxPendingPerSeeker).not.toBe(7);
    await actor(t, seekerId).command("requests").reply();
    expect(t.bot.context.services.settings.get(guildId).maxPendingPerSeeker).toBe(7);
  });
});
