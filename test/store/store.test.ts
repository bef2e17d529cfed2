import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { collectionPattern, createStore, guildKey, keyPattern, type Store } from "../../src/store/store.js";

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const stores: Record<string, () => Promise<Store>> = {
  memory: () => createStore({ url: "memory://" }),
  // A page of 3 rows makes every scan below cross page boundaries.
  sqlite: () => {
    const folder = mkdtempSync(join(tmpdir(), "store-test-"));
    folders.push(folder);
    return createStore({ url: `sqlite://${join(folder, "test.sqlite")}`, scanPageSize: 3 });
  },
};

async function keysOf(store: Store, pattern: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const [key] of store.entries(pattern)) keys.push(key);
  return keys.sort();
}

describe("keyPattern", () => {
  it("turns * into one key segment and escapes the rest", () => {
    const { like, key } = keyPattern("guild/*/a_b%/");
    expect(like).toBe("guild/%/a\\_b\\%/%");
    expect(key.test("guild/123/a_b%/x")).toBe(true);
    expect(key.test("guild/1/2/a_b%/x")).toBe(false);
    expect(key.test("guild/123/axb%/x")).toBe(false);
  });
});

describe.each(Object.keys(stores))("%s store", (kind) => {
  const open = stores[kind] as () => Promise<Store>;

  it("lists one collection of every guild, and nothing else", async () => {
    const store = await open();
    const wanted = ["1", "2", "3", "4", "5", "6", "7"].flatMap((id) => [
      guildKey("111", "mentor", id),
      guildKey("222", "mentor", id),
    ]);
    const others = [
      guildKey("111", "mentors", "1"),
      guildKey("111", "Mentor", "1"),
      guildKey("111", "request", "mentor"),
      "timer/mentor/1",
      "guild/111/x/mentor/1",
    ];
    for (const key of [...wanted, ...others]) await store.set(key, { key });
    expect(await keysOf(store, collectionPattern("mentor"))).toEqual([...wanted].sort());
    for await (const [key, value] of store.entries<{ key: string }>(collectionPattern("mentor")))
      expect(value.key).toBe(key);
    expect(await keysOf(store, "timer/")).toEqual(["timer/mentor/1"]);
    await store.close();
  });

  it("lists one guild's collection, the record keyed by the prefix itself included", async () => {
    const store = await open();
    const wanted = [
      guildKey("12", "settings"),
      ...["1", "2", "3", "4"].map((id) => guildKey("12", "mentor", id)),
    ];
    const others = [
      guildKey("123", "settings"),
      guildKey("1", "settings"),
      guildKey("12", "settingsx"),
      ...["1", "2", "3"].map((id) => guildKey("123", "mentor", id)),
      ...["1", "2"].map((id) => guildKey("11", "mentor", id)),
    ];
    for (const key of [...wanted, ...others]) await store.set(key, { key });
    expect(await keysOf(store, guildKey("12", "settings"))).toEqual([guildKey("12", "settings")]);
    expect(await keysOf(store, guildKey("12", "mentor"))).toEqual(wanted.slice(1).sort());
    expect(await keysOf(store, "guild/12/")).toEqual([...wanted, guildKey("12", "settingsx")].sort());
    await store.close();
  });

  it("treats _ and % in a pattern as plain characters", async () => {
    const store = await open();
    for (const key of ["a_b/1", "axb/1", "a%b/1", "aXYb/1"]) await store.set(key, 1);
    expect(await keysOf(store, "a_b/")).toEqual(["a_b/1"]);
    expect(await keysOf(store, "a%b/")).toEqual(["a%b/1"]);
    await store.close();
  });

  it("leaves out records that have expired", async () => {
    const store = await open();
    await store.set("t/kept", 1);
    await store.set("t/gone", 1, 1);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await keysOf(store, "t/")).toEqual(["t/kept"]);
    await store.close();
  });

  it("loses no update when many change one key at once", async () => {
    const store = await open();
    await Promise.all(
      Array.from({ length: 50 }, () => store.update<number>("counter", (count) => (count ?? 0) + 1)),
    );
    expect(await store.get("counter")).toBe(50);
    await store.close();
  });
});
