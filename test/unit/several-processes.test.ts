import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { MENTOR_COLLECTION } from "../../src/domain/mentors/index.js";
import { createLogger } from "../../src/logger.js";
import { createServices, type Services } from "../../src/services.js";
import { createStore, guildKey, type Store } from "../../src/store/store.js";
import { mentor, profileInput } from "../mentors/fixtures.js";
import { requestInput, TERMS, tempDir } from "../requests/helpers.js";

// Two "processes": two sets of services, each on its own connection to one SQLite file.

const G = "guild-1";
const OTHER = "guild-2";
const config = loadConfig({ DISCORD_TOKEN: "test" }, ["DISCORD_TOKEN"]);
const logger = createLogger("silent");

/** A store that counts the records its scans hand over, per guild, and lists the keys it read. */
function counting(store: Store) {
  const scanned = new Map<string, number>();
  const gets: string[] = [];
  const counted: Store = {
    get: (key) => {
      gets.push(key);
      return store.get(key);
    },
    set: (key, value, ttl) => store.set(key, value, ttl),
    delete: (key) => store.delete(key),
    update: (key, change) => store.update(key, change),
    claim: (key, value, ttl) => store.claim(key, value, ttl),
    close: () => store.close(),
    async *entries<T>(pattern: string) {
      for await (const [key, value] of store.entries<T>(pattern)) {
        const guildId = key.split("/")[1] ?? "";
        scanned.set(guildId, (scanned.get(guildId) ?? 0) + 1);
        yield [key, value] as [string, T];
      }
    },
  };
  return { store: counted, scanned, gets };
}

let dir: ReturnType<typeof tempDir>;
let stores: Store[];

beforeEach(() => {
  dir = tempDir();
  stores = [];
});
afterEach(async () => {
  for (const store of stores) await store.close();
  dir.cleanup();
});

async function open(): Promise<Store> {
  const store = await createStore({ url: dir.file("shared.sqlite") });
  stores.push(store);
  return store;
}

async function processOn(store?: Store): Promise<Services> {
  return createServices(store ?? (await open()), config, logger);
}

describe("two processes on one store", () => {
  it("see each other's librarian profiles at their next sync", async () => {
    const [a, b] = [await processOn(), await processOn()];
    await Promise.all([a.syncGuild(G), b.syncGuild(G)]);
    await a.mentors.join(profileInput({ guildId: G, userId: "ada" }));
    expect(b.mentors.get(G, "ada")).toBeUndefined();
    await b.syncGuild(G);
    expect(b.mentors.get(G, "ada")?.displayName).toBe("Ada");
    expect(b.mentors.search({ guildId: G, seekerId: "s", libraryType: "academic" }).total).toBe(1);

    await b.mentors.edit(G, "ada", { role: "Head of instruction" });
    await a.syncGuild(G);
    expect(a.mentors.get(G, "ada")?.role).toBe("Head of instruction");

    await b.mentors.leave(G, "ada");
    await a.syncGuild(G);
    expect(a.mentors.get(G, "ada")).toBeUndefined();
    expect(a.mentors.search({ guildId: G, seekerId: "s", libraryType: "academic" }).total).toBe(0);
  });

  it("see each other's requests, and count them against the limits", async () => {
    const [a, b] = [await processOn(), await processOn()];
    await a.settings.update(G, { maxPendingPerSeeker: 1 });
    await Promise.all([a.syncGuild(G), b.syncGuild(G)]);
    const sent = await a.requests.lifecycle.create(requestInput("seeker", "m1", { guildId: G }), TERMS);

    await b.syncGuild(G);
    expect(b.requests.records.get(G, sent.id)?.state).toBe("pending");
    expect(b.requests.queries.listFor(G, "seeker").asSeeker.map((r) => r.id)).toEqual([sent.id]);
    // The seeker's one pending request was sent through the other process.
    await expect(
      b.requests.lifecycle.create(requestInput("seeker", "m2", { guildId: G }), TERMS),
    ).rejects.toThrow(/waiting for an answer/);

    await b.requests.lifecycle.decline(G, sent.id, "m1", "Busy this month");
    await a.syncGuild(G);
    expect(a.requests.records.get(G, sent.id)?.state).toBe("declined");
    const again = await a.requests.lifecycle.create(requestInput("seeker", "m2", { guildId: G }), TERMS);
    expect(again.state).toBe("pending");
  });

  it("see each other's blocks and settings", async () => {
    const [a, b] = [await processOn(), await processOn()];
    await Promise.all([a.syncGuild(G), b.syncGuild(G)]);
    await a.requests.blocks.block(G, "m1", "seeker");
    await a.settings.update(G, { sameMentorCooldownDays: 30, autoPauseAfterExpiries: 5 });

    expect(b.settings.get(G).sameMentorCooldownDays).not.toBe(30);
    await b.syncGuild(G);
    expect(b.settings.get(G)).toMatchObject({ sameMentorCooldownDays: 30, autoPauseAfterExpiries: 5 });
    expect(b.requests.blocks.isBlocked(G, "m1", "seeker")).toBe(true);
    expect(b.requests.demand.isExcluded(G, "seeker", "m1", Date.now())).toBe(true);

    await b.requests.blocks.unblock(G, "m1", "seeker");
    await a.syncGuild(G);
    expect(a.requests.blocks.isBlocked(G, "m1", "seeker")).toBe(false);
  });
});

describe("lazy loading", () => {
  it("loads nothing at start-up, then only the guild that is used", async () => {
    const filling = await open();
    for (let guild = 0; guild < 20; guild++)
      for (let user = 0; user < 5; user++) {
        const profile = mentor({ guildId: `g${guild}`, userId: `u${user}` });
        await filling.set(guildKey(`g${guild}`, MENTOR_COLLECTION, `u${user}`), profile);
      }
    const { store, scanned, gets } = counting(await open());

    const services = await processOn(store);
    expect(scanned.size).toBe(0);
    expect(gets).toEqual([]);
    expect(services.versions.loadedCount()).toBe(0);
    expect(services.mentors.size()).toBe(0);

    await services.syncGuild("g7");
    expect([...scanned.keys()]).toEqual(["g7"]);
    expect(scanned.get("g7")).toBe(5);
    expect(services.versions.isLoaded("g7")).toBe(true);
    expect(services.versions.isLoaded("g8")).toBe(false);
    expect(services.mentors.size()).toBe(5);
    expect(services.mentors.size("g7")).toBe(5);

    // Nothing changed since: a read of each view's version record, no scan.
    gets.length = 0;
    await services.syncGuild("g7");
    expect(gets.length).toBeGreaterThan(0);
    expect(gets.every((key) => key.startsWith("guild/g7/version/"))).toBe(true);
    expect(scanned.get("g7")).toBe(5);
  });

  it("reloads a guild changed elsewhere, and leaves the others alone", async () => {
    const writer = await processOn();
    const { store, scanned } = counting(await open());
    const reader = await processOn(store);
    await Promise.all([reader.syncGuild(G), reader.syncGuild(OTHER)]);
    await writer.mentors.join(profileInput({ guildId: OTHER, userId: "ada" }));
    await Promise.all([reader.syncGuild(G), reader.syncGuild(OTHER)]);
    // Only the librarians of the guild changed are read again.
    expect(scanned.get(OTHER)).toBe(1);
    expect(scanned.has(G)).toBe(false);
    await writer.settings.update(OTHER, { maxPendingPerSeeker: 2 });
    await reader.syncGuild(OTHER);
    expect(scanned.get(OTHER)).toBe(1);
    expect(reader.settings.get(OTHER).maxPendingPerSeeker).toBe(2);
    expect(reader.mentors.get(OTHER, "ada")).toBeDefined();
    expect(reader.mentors.get(G, "ada")).toBeUndefined();
  });

  it("reloads nothing after its own writes, but everything another process changed meanwhile", async () => {
    const { store, scanned } = counting(await open());
    const services = await processOn(store);
    await services.syncGuild(G);
    const scans = () => scanned.get(G) ?? 0;
    await services.mentors.join(profileInput({ guildId: G, userId: "ada" }));
    await services.settings.update(G, { maxPendingPerSeeker: 2 });
    await services.requests.lifecycle.create(requestInput("seeker", "ada", { guildId: G }), TERMS);
    await services.syncGuild(G);
    expect(scans()).toBe(0);
    expect(services.requests.queries.listFor(G, "seeker").asSeeker).toHaveLength(1);

    const other = await processOn();
    await other.syncGuild(G);
    await other.mentors.join(profileInput({ guildId: G, userId: "bo", displayName: "Bo" }));
    await services.mentors.edit(G, "ada", { role: "Archivist" });
    await services.syncGuild(G);
    // The librarians were read again (both of them), the rest not.
    expect(scans()).toBe(2);
    expect(services.mentors.get(G, "bo")?.displayName).toBe("Bo");
    expect(services.mentors.get(G, "ada")?.role).toBe("Archivist");
  });

  it("marks a guild owing work until what it owes is settled and the mark cleared", async () => {
    const services = await processOn();
    await services.syncGuild(G);
    expect(await services.requests.owed.marked()).toEqual([]);
    const sent = await services.requests.lifecycle.create(
      requestInput("seeker", "m1", { guildId: G }),
      TERMS,
    );
    const [mark] = await services.requests.owed.marked();
    expect(mark?.guildId).toBe(G);

    await services.requests.lifecycle.settle(G, sent.id, "deliver");
    expect(services.requests.queries.owingEffects(G)).toEqual([]);
    // Marked again since that look: the older stamp clears nothing.
    await services.requests.lifecycle.decline(G, sent.id, "m1");
    await services.requests.owed.clear(G, mark?.stamp ?? "");
    const [again] = await services.requests.owed.marked();
    expect(again?.guildId).toBe(G);
    await services.requests.owed.clear(G, again?.stamp ?? "");
    expect(await services.requests.owed.marked()).toEqual([]);
  });
});
