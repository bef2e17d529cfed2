import { describe, expect, it } from "vitest";
import { describePostgresUrl, parsePostgresUrl } from "../../src/store/postgres.js";
import { collectionPattern, createStore, guildKey, keyPattern, type Store } from "../../src/store/store.js";
import { describeEachBackend, describePostgres } from "../support/stores.js";

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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("memory store", () => behavesAsAStore(() => createStore({ url: "memory://" })));

describeEachBackend("store", (backend) => {
  // A page of 3 rows makes every scan cross page boundaries.
  behavesAsAStore(() => createStore({ url: backend.freshUrl(), scanPageSize: 3 }));

  it("keeps its records when opened again", async () => {
    const url = backend.freshUrl();
    const first = await createStore({ url });
    await first.set(guildKey("1", "mentor", "a"), { name: "Ada" });
    await first.update<number>("count", (count) => (count ?? 0) + 1);
    await first.close();
    const second = await createStore({ url });
    expect(await second.get(guildKey("1", "mentor", "a"))).toEqual({ name: "Ada" });
    expect(await second.get("count")).toBe(1);
    await second.close();
  });

  it("lets stores on different databases live side by side in one process", async () => {
    const [one, two] = await Promise.all([
      createStore({ url: backend.freshUrl() }),
      createStore({ url: backend.freshUrl() }),
    ]);
    await one.set("k", "one");
    await two.set("k", "two");
    await one.close();
    expect(await two.get("k")).toBe("two");
    await two.update<string>("k", (value) => `${value}!`);
    expect(await two.get("k")).toBe("two!");
    await two.close();
  });
});

function behavesAsAStore(open: () => Promise<Store>): void {
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
    await sleep(10);
    expect(await keysOf(store, "t/")).toEqual(["t/kept"]);
    expect(await store.get("t/gone")).toBeUndefined();
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

  it("deletes a record when update returns undefined, and says whether delete found one", async () => {
    const store = await open();
    await store.set("a", { n: 1 });
    expect(await store.update<{ n: number }>("a", () => undefined)).toBeUndefined();
    expect(await store.get("a")).toBeUndefined();
    await store.set("b", 1);
    expect(await store.delete("b")).toBe(true);
    expect(await store.delete("b")).toBe(false);
    await store.close();
  });

  it("lets exactly one of many callers claim a key, and runs each change once", async () => {
    const store = await open();
    const wins = await Promise.all(Array.from({ length: 20 }, (_, i) => store.claim("once", i)));
    expect(wins.filter(Boolean)).toHaveLength(1);
    expect(await store.get("once")).toBe(wins.indexOf(true));
    let calls = 0;
    await store.update<number>("once", (value) => {
      calls++;
      return (value ?? 0) + 1;
    });
    expect(calls).toBe(1);
    await store.close();
  });

  it("lets a claim be taken again once it has expired", async () => {
    const store = await open();
    expect(await store.claim("lease", "first", 1)).toBe(true);
    await sleep(10);
    expect(await store.claim("lease", "second", 60_000)).toBe(true);
    expect(await store.claim("lease", "third")).toBe(false);
    expect(await store.get("lease")).toBe("second");
    await store.close();
  });
}

describe("PostgreSQL URLs", () => {
  it("take the schema from the URL's own parameter and pass the rest to pg", () => {
    expect(parsePostgresUrl("postgres://bot:pw@db:5432/rd?sslmode=verify-full&schema=desk_1")).toEqual({
      connectionString: "postgres://bot:pw@db:5432/rd?sslmode=verify-full",
      schema: "desk_1",
    });
    expect(parsePostgresUrl("postgresql://bot:pw@db/rd").schema).toBe("public");
    expect(() => parsePostgresUrl("postgres://bot:pw@db/rd?schema=x;drop")).toThrow(/schema/);
  });

  it("are shown without their password", () => {
    expect(describePostgresUrl("postgres://bot:s3cret@db:5432/rd?schema=a")).toBe(
      "postgres://bot:***@db:5432/rd?schema=a",
    );
  });
});

describePostgres("a PostgreSQL store that cannot be opened", (backend) => {
  it("says where it tried, without the password", async () => {
    const url = new URL(backend.freshUrl());
    // A role that does not exist fails whatever the server's authentication method.
    url.username = "no_such_role";
    url.password = "not-the-password";
    const failure = await createStore({ url: url.toString() }).catch((error: Error) => error.message);
    expect(failure).toMatch(/^Could not open the PostgreSQL store at postgres:\/\/no_such_role:\*\*\*@/);
    expect(failure).not.toContain("not-the-password");
  });
});
