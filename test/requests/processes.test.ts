import { expect, it } from "vitest";
import { runScript } from "../support/process.js";
import { describePostgres } from "../support/stores.js";
import { fixture, GUILD, requestInput, TERMS } from "./helpers.js";

const ACTIONS = ["accept", "accept", "decline"] as const;

describePostgres("several processes answering the same requests", (backend) => {
  it("change each request once: one process wins, the others see it done or are refused", async () => {
    const url = backend.freshUrl();
    const setup = await fixture(url, Date.now());
    const ids: string[] = [];
    for (let i = 0; i < TERMS.monthlyCapacity; i++) {
      ids.push((await setup.requests.lifecycle.create(requestInput(`s${i}`, "m"), TERMS)).id);
    }
    await setup.store.close();

    const deciders = ACTIONS.map((action) =>
      runScript("test/support/request-decider.ts", {}, [url, action, "m"]),
    );
    await Promise.all(deciders.map((decider) => decider.waitFor("ready")));
    for (const decider of deciders) decider.child.stdin?.end("go\n");
    const codes = await Promise.all(deciders.map((decider) => decider.exited));
    expect(codes, deciders.map((decider) => decider.output()).join("\n")).toEqual(ACTIONS.map(() => 0));
    const results = deciders.map(
      (decider) => JSON.parse(decider.output().trim().split("\n").at(-1) ?? "") as { changed: string[] },
    );

    const after = await fixture(url, Date.now());
    const changedBy = new Map<string, number[]>();
    results.forEach(({ changed }, process) => {
      for (const id of changed) changedBy.set(id, [...(changedBy.get(id) ?? []), process]);
    });
    for (const id of ids) {
      const winners = changedBy.get(id) ?? [];
      expect(winners, `request ${id}`).toHaveLength(1);
      const winner = ACTIONS[winners[0] ?? -1];
      expect(after.requests.records.get(GUILD, id)?.state).toBe(
        winner === "accept" ? "accepted" : "declined",
      );
    }
    await after.store.close();
  });
});
