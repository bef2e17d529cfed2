import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { MentorProfile } from "../../src/domain/mentors/profile.js";
import { MentorService } from "../../src/domain/mentors/service.js";
import { createStore, type Store } from "../../src/store/store.js";
import { describeEachBackend } from "../support/stores.js";
import { JAN_15_2025, profileInput } from "./fixtures.js";

let url: string;
let store: Store;

async function storedMentors(from: Store): Promise<MentorProfile[]> {
  const records: MentorProfile[] = [];
  for await (const [key, value] of from.entries<MentorProfile>("guild/")) {
    if (key.split("/")[2] === "mentor") records.push(value);
  }
  return records;
}

const byKey = (a: MentorProfile, b: MentorProfile) =>
  `${a.guildId}/${a.userId}`.localeCompare(`${b.guildId}/${b.userId}`);

const everyone = (service: MentorService, guildIds: string[]) =>
  guildIds.flatMap((guildId) => service.list(guildId)).sort(byKey);

describeEachBackend("mentors in a store", (backend) => {
  beforeEach(async () => {
    url = backend.freshUrl();
    store = await createStore({ url });
  });

  afterEach(async () => {
    await store.close();
  });

  describe("concurrent writes", () => {
    it("stores and indexes 200 librarians joining and editing at once", async () => {
      const service = new MentorService({ store });
      await service.load();
      const ids = Array.from({ length: 200 }, (_, i) => `u${i}`);
      // Each join is queued before the edit of the same librarian, so every edit finds its record.
      await Promise.all(
        ids.flatMap((userId, i) => [
          service.join(profileInput({ userId, libraryTypes: i % 2 ? "academic" : "school" })),
          service.edit("g1", userId, { region: `Region ${i}` }),
        ]),
      );
      const stored = await storedMentors(store);
      expect(stored).toHaveLength(200);
      expect(service.size("g1")).toBe(200);
      expect(service.countByType("g1")).toMatchObject({ academic: 100, school: 100 });
      for (const record of stored) {
        expect(record.region).toBe(`Region ${record.userId.slice(1)}`);
        expect(service.get("g1", record.userId)).toEqual(record);
      }
    });

    it("loses no field when one librarian's edits race", async () => {
      const service = new MentorService({ store });
      await service.join(profileInput({ userId: "ada" }));
      await Promise.all([
        service.edit("g1", "ada", { role: "Head of research" }),
        service.edit("g1", "ada", { region: "Pacific Northwest" }),
        service.edit("g1", "ada", { bio: "New bio." }),
        service.edit("g1", "ada", { topics: "grants, data" }),
        service.edit("g1", "ada", { formats: "phone" }),
        service.edit("g1", "ada", { monthlyCapacity: 5 }),
        service.edit("g1", "ada", { institution: "State U" }),
        service.edit("g1", "ada", { careerMoves: "public → academic" }),
        service.pause("g1", "ada", 7),
        service.edit("g1", "ada", { timeZone: "UTC+1" }),
      ]);
      const expected = {
        role: "Head of research",
        region: "Pacific Northwest",
        bio: "New bio.",
        topics: ["grants", "data"],
        formats: ["phone"],
        monthlyCapacity: 5,
        institution: "State U",
        careerMoves: "public → academic",
        timeZone: "UTC+01:00",
      };
      const [stored] = await storedMentors(store);
      expect(stored).toMatchObject(expected);
      expect(stored?.pausedUntil).toBeGreaterThan(Date.now());
      expect(service.get("g1", "ada")).toEqual(stored);
    });
  });

  describe("restart", () => {
    it("loads an index equal to the one before close", async () => {
      const before = new MentorService({ store, clock: () => JAN_15_2025 });
      await before.load();
      for (let i = 0; i < 30; i++) {
        await before.join(
          profileInput({
            guildId: `g${i % 3}`,
            userId: `u${i}`,
            libraryTypes: i % 2 ? ["academic", "archives"] : ["public-library"],
            institution: i % 4 ? "County system" : undefined,
            topics: [`topic ${i}`, "reference"],
          }),
        );
      }
      await before.pause("g0", "u0", 5, "Conference");
      await before.pause("g1", "u1");
      await before.leave("g2", "u2");
      const guilds = ["g0", "g1", "g2"];
      const snapshot = everyone(before, guilds);
      const counts = guilds.map((g) => before.countByType(g));
      const query = {
        guildId: "g1",
        seekerId: "s",
        libraryType: "academic",
        keyword: "reference",
        now: JAN_15_2025,
      };
      const results = before.search(query);
      await store.close();

      store = await createStore({ url });
      const after = new MentorService({ store });
      expect(await after.load()).toEqual({ loaded: 29, skipped: 0 });
      expect(everyone(after, guilds)).toEqual(snapshot);
      expect(guilds.map((g) => after.countByType(g))).toEqual(counts);
      expect(after.search(query)).toEqual(results);
      expect(after.get("g0", "u0")).toMatchObject({
        pauseReason: "Conference",
        pausedUntil: JAN_15_2025 + 5 * 86_400_000,
      });
    });
  });
});
