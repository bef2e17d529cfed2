import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LIBRARY_TYPES } from "../../src/data/library-types.js";
import { ValidationError } from "../../src/domain/errors.js";
import { NO_DEMAND } from "../../src/domain/mentors/demand.js";
import { MentorNotFoundError, type MentorRemoval, MentorService } from "../../src/domain/mentors/service.js";
import { createStore, guildKey, type Store } from "../../src/store/store.js";
import { DAY_MS, FakeDemand, JAN_15_2025, profileInput } from "./fixtures.js";

let store: Store;
let now: number;
let service: MentorService;

beforeEach(async () => {
  store = await createStore({ url: "memory://" });
  now = JAN_15_2025;
  service = new MentorService({ store, clock: () => now });
  await service.load();
});

afterEach(() => store.close());

const listed = (libraryType = "academic", seekerId = "seeker", guildId = "g1") =>
  service
    .search({ guildId, seekerId, libraryType, limit: 25 })
    .results.map((r) => r.profile.userId)
    .sort();

describe("join", () => {
  it("stores one record under the guild's mentor key and indexes it", async () => {
    const { profile, created } = await service.join(profileInput({ userId: "ada" }));
    expect(created).toBe(true);
    expect(profile).toMatchObject({ guildId: "g1", userId: "ada", joinedAt: now, updatedAt: now });
    expect(await store.get(guildKey("g1", "mentor", "ada"))).toEqual(profile);
    expect(service.get("g1", "ada")).toEqual(profile);
    expect(listed()).toEqual(["ada"]);
  });

  it("replaces the profile on a second join, keeping the join date and any pause", async () => {
    await service.join(profileInput({ userId: "ada", topics: ["old"] }));
    await service.pause("g1", "ada");
    now += DAY_MS;
    const { profile, created } = await service.join(profileInput({ userId: "ada", libraryTypes: "law" }));
    expect(created).toBe(false);
    expect(profile).toMatchObject({ joinedAt: JAN_15_2025, updatedAt: now, pausedAt: JAN_15_2025 });
    expect(profile.topics).toEqual(["instruction"]);
    expect(service.countByType("g1")).toMatchObject({ academic: 0, law: 1 });
  });

  it("writes nothing when the input is invalid", async () => {
    await expect(service.join(profileInput({ bio: "" }))).rejects.toThrow(ValidationError);
    expect(await store.get(guildKey("g1", "mentor", "u1"))).toBeUndefined();
    expect(service.size()).toBe(0);
  });
});

describe("edit", () => {
  it("changes only the fields given and re-validates the whole", async () => {
    await service.join(profileInput({ userId: "ada", institution: "State U" }));
    now += 1000;
    const edited = await service.edit("g1", "ada", {
      role: "Head of research",
      topics: "GIS, data",
      region: undefined,
    });
    expect(edited).toMatchObject({
      role: "Head of research",
      topics: ["gis", "data"],
      region: "Midwest",
      institution: "State U",
      joinedAt: JAN_15_2025,
      updatedAt: JAN_15_2025 + 1000,
    });
    expect(await store.get(guildKey("g1", "mentor", "ada"))).toEqual(edited);
    expect(service.get("g1", "ada")).toEqual(edited);
  });

  it("clears an optional field given as blank", async () => {
    await service.join(profileInput({ userId: "ada", institution: "State U" }));
    expect(await service.edit("g1", "ada", { institution: "" })).not.toHaveProperty("institution");
  });

  it("leaves the record alone when the change is invalid", async () => {
    const { profile } = await service.join(profileInput({ userId: "ada" }));
    await expect(service.edit("g1", "ada", { bio: "x".repeat(501) })).rejects.toThrow(
      "Bio is 501 characters; the limit is 500.",
    );
    expect(await store.get(guildKey("g1", "mentor", "ada"))).toEqual(profile);
    expect(service.get("g1", "ada")).toEqual(profile);
  });

  it("cannot move a record to another guild or user", async () => {
    await service.join(profileInput({ userId: "ada" }));
    const sneaky = { role: "Dean", guildId: "g2", userId: "bo" } as Parameters<MentorService["edit"]>[2];
    expect(await service.edit("g1", "ada", sneaky)).toMatchObject({
      guildId: "g1",
      userId: "ada",
      role: "Dean",
    });
    expect(service.size()).toBe(1);
  });

  it("refuses someone who has not joined", async () => {
    await expect(service.edit("g1", "nobody", { role: "x" })).rejects.toThrow(MentorNotFoundError);
    expect(await store.get(guildKey("g1", "mentor", "nobody"))).toBeUndefined();
  });

  it("moves the librarian between library types in the index", async () => {
    await service.join(profileInput({ userId: "ada", libraryTypes: ["academic", "archives"] }));
    await service.edit("g1", "ada", { libraryTypes: ["museum"] });
    expect(listed("academic")).toEqual([]);
    expect(listed("archives")).toEqual([]);
    expect(listed("museum")).toEqual(["ada"]);
  });
});

describe("pause and resume", () => {
  beforeEach(async () => {
    await service.join(profileInput({ userId: "ada" }));
  });

  it("pauses until resumed when no days are given", async () => {
    const paused = await service.pause("g1", "ada", undefined, "  On leave\n ");
    expect(paused).toMatchObject({ pausedAt: now, pauseReason: "On leave" });
    expect(paused).not.toHaveProperty("pausedUntil");
    now += 365 * DAY_MS;
    expect(listed()).toEqual([]);
    const resumed = await service.resume("g1", "ada");
    expect(resumed).not.toHaveProperty("pausedAt");
    expect(resumed).not.toHaveProperty("pauseReason");
    expect(await store.get(guildKey("g1", "mentor", "ada"))).toEqual(resumed);
    expect(listed()).toEqual(["ada"]);
  });

  it("lists the librarian again by itself once the days have passed", async () => {
    const paused = await service.pause("g1", "ada", 3);
    expect(paused.pausedUntil).toBe(JAN_15_2025 + 3 * DAY_MS);
    now += 3 * DAY_MS - 1;
    expect(listed()).toEqual([]);
    now += 1;
    expect(listed()).toEqual(["ada"]);
  });

  it("keeps a pause through an edit", async () => {
    await service.pause("g1", "ada", 10, "busy");
    expect(await service.edit("g1", "ada", { role: "Dean" })).toMatchObject({
      pausedAt: now,
      pausedUntil: now + 10 * DAY_MS,
      pauseReason: "busy",
    });
  });

  it.each([0, 91, 1.5])("rejects a pause of %j days", async (days) => {
    await expect(service.pause("g1", "ada", days)).rejects.toMatchObject({ field: "days" });
    expect(service.get("g1", "ada")).not.toHaveProperty("pausedAt");
  });

  it("rejects an over-long reason and unknown librarians", async () => {
    await expect(service.pause("g1", "ada", 1, "r".repeat(201))).rejects.toThrow(
      "Reason is 201 characters; the limit is 200.",
    );
    await expect(service.pause("g1", "nobody")).rejects.toThrow(MentorNotFoundError);
    await expect(service.resume("g1", "nobody")).rejects.toThrow(MentorNotFoundError);
  });
});

describe("leave and remove", () => {
  it("delete the record from store and index and tell the listeners", async () => {
    const removals: MentorRemoval[] = [];
    service.onRemoved((removal) => {
      removals.push(removal);
    });
    await service.join(profileInput({ userId: "ada" }));
    await service.join(profileInput({ userId: "bo" }));
    expect(await service.leave("g1", "ada")).toBe(true);
    expect(await service.remove("g1", "bo")).toBe(true);
    expect(await store.get(guildKey("g1", "mentor", "ada"))).toBeUndefined();
    expect(await store.get(guildKey("g1", "mentor", "bo"))).toBeUndefined();
    expect(service.get("g1", "ada")).toBeUndefined();
    expect(listed()).toEqual([]);
    expect(service.countByType("g1").academic).toBe(0);
    expect(removals).toEqual([
      { guildId: "g1", userId: "ada", reason: "left" },
      { guildId: "g1", userId: "bo", reason: "removed" },
    ]);
  });

  it("report false for someone not listed, but still run the listeners so a retry finishes clean-up", async () => {
    let calls = 0;
    const stop = service.onRemoved(() => {
      calls++;
      if (calls === 1) throw new Error("requests store down");
    });
    await service.join(profileInput({ userId: "ada" }));
    await expect(service.leave("g1", "ada")).rejects.toThrow(AggregateError);
    expect(service.get("g1", "ada")).toBeUndefined();
    expect(await service.leave("g1", "ada")).toBe(false);
    expect(calls).toBe(2);
    stop();
    await service.leave("g1", "ada");
    expect(calls).toBe(2);
  });
});

describe("guild isolation", () => {
  it("keeps the same person's profiles in two guilds apart", async () => {
    await service.join(profileInput({ guildId: "g1", userId: "ada", role: "One" }));
    await service.join(profileInput({ guildId: "g2", userId: "ada", role: "Two" }));
    await service.join(profileInput({ guildId: "g2", userId: "bo" }));
    expect(service.get("g1", "ada")?.role).toBe("One");
    expect(service.get("g2", "ada")?.role).toBe("Two");
    await service.leave("g2", "ada");
    expect(service.get("g1", "ada")?.role).toBe("One");
    expect(listed("academic", "seeker", "g1")).toEqual(["ada"]);
    expect(listed("academic", "seeker", "g2")).toEqual(["bo"]);
    expect(service.list("g2").map((p) => p.userId)).toEqual(["bo"]);
    expect(service.size()).toBe(2);
  });

  it("rejects ids that would reach into another key", async () => {
    await expect(service.edit("g1/mentor", "x", {})).rejects.toMatchObject({ field: "guildId" });
    await expect(service.leave("g1", "../x")).rejects.toMatchObject({ field: "userId" });
  });
});

describe("countByType", () => {
  it("counts each type, paused librarians included, zero for the rest", async () => {
    await service.join(profileInput({ userId: "a", libraryTypes: ["academic", "law"] }));
    await service.join(profileInput({ userId: "b", libraryTypes: ["law"] }));
    await service.pause("g1", "b");
    const counts = service.countByType("g1");
    expect(counts).toMatchObject({ academic: 1, law: 2, school: 0 });
    expect(Object.keys(counts)).toHaveLength(LIBRARY_TYPES.length);
  });
});

describe("load", () => {
  it("indexes only well-formed mentor records, from every guild", async () => {
    await store.set(guildKey("g1", "mentor", "ada"), { ...profileInput({ userId: "ada" }), broken: true });
    await service.join(profileInput({ guildId: "g2", userId: "bo" }));
    await store.set(guildKey("g1", "requests", "r1"), { any: "thing" });
    await store.set(guildKey("g1", "mentor", "wrong-id"), { ...service.get("g2", "bo"), guildId: "g1" });
    await store.set("other/g1/mentor/x", service.get("g2", "bo"));
    const fresh = new MentorService({ store });
    expect(await fresh.load()).toEqual({ loaded: 1, skipped: 2 });
    expect(fresh.get("g2", "bo")).toEqual(service.get("g2", "bo"));
  });
});

describe("load while writes arrive", () => {
  it("makes them wait for the scan, so it cannot put back what it read before them", async () => {
    for (let i = 0; i < 3; i++) await service.join(profileInput({ userId: `m${i}` }));
    let scanned!: () => void;
    const scanHasRead = new Promise<void>((resolve) => {
      scanned = resolve;
    });
    // A store whose scan reads everything, then takes its time handing it over.
    const slowScan: Store = {
      get: (key) => store.get(key),
      set: (key, value, ttl) => store.set(key, value, ttl),
      delete: (key) => store.delete(key),
      update: (key, change) => store.update(key, change),
      claim: (key, value, ttl) => store.claim(key, value, ttl),
      close: () => store.close(),
      async *entries<T>(prefix: string) {
        const all: [string, T][] = [];
        for await (const entry of store.entries<T>(prefix)) all.push(entry);
        scanned();
        await new Promise((resolve) => setTimeout(resolve, 20));
        yield* all;
      },
    };
    const fresh = new MentorService({ store: slowScan });
    const loading = fresh.load();
    await scanHasRead;
    const edit = fresh.edit("g1", "m1", { role: "Edited during load" });
    const leave = fresh.leave("g1", "m2");
    await Promise.all([loading, edit, leave]);
    expect(fresh.get("g1", "m1")?.role).toBe("Edited during load");
    expect(fresh.get("g1", "m2")).toBeUndefined();
    expect(fresh.size()).toBe(2);
  });
});

describe("demand", () => {
  it("can be set after construction", async () => {
    await service.join(profileInput({ userId: "ada" }));
    const demand = new FakeDemand();
    demand.excluded.add("g1/seeker>ada");
    service.setDemand(demand);
    expect(listed()).toEqual([]);
    service.setDemand(NO_DEMAND);
    expect(listed()).toEqual(["ada"]);
  });
});
