import { expect, it } from "vitest";
import { createStore } from "../../src/store/store.js";
import { runScript } from "../support/process.js";
import { describePostgres } from "../support/stores.js";

const WRITERS = 3;
const COUNT = 200;

describePostgres("writes from several processes at once", (backend) => {
  it("lose no update and let exactly one process claim each key", async () => {
    const url = backend.freshUrl();
    // Made once here, so the writers do not all create the schema at the same moment.
    await (await createStore({ url })).close();
    const writers = Array.from({ length: WRITERS }, () =>
      runScript("test/support/store-writer.ts", {}, [url, String(COUNT)]),
    );
    await Promise.all(writers.map((writer) => writer.waitFor("ready")));
    for (const writer of writers) writer.child.stdin?.end("go\n");
    const codes = await Promise.all(writers.map((writer) => writer.exited));
    expect(codes, writers.map((writer) => writer.output()).join("\n")).toEqual(writers.map(() => 0));

    const claimed = writers.map((writer) => JSON.parse(writer.output().split("\n").at(-2) ?? "").claimed);
    const store = await createStore({ url });
    expect(await store.get("counter")).toBe(WRITERS * COUNT);
    expect(claimed.reduce((sum, n) => sum + n, 0)).toBe(COUNT);
    const owners = new Set(writers.map((writer) => writer.child.pid));
    for (let i = 0; i < COUNT; i++) expect(owners.has(await store.get<number>(`claim/${i}`))).toBe(true);
    await store.close();
  });
});
