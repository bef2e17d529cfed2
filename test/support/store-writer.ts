// One of several processes writing the same keys of one store at once (test/store/processes.test.ts):
// `count` increments of "counter" and a claim of each of "claim/0" to "claim/<count - 1>", started
// when a line arrives on stdin so that every process writes at the same time.
import { once } from "node:events";
import { createStore } from "../../src/store/store.js";

const [url, count] = process.argv.slice(2);
if (!url || !count) throw new Error("usage: store-writer <url> <count>");
const store = await createStore({ url });
console.log("ready");
await once(process.stdin, "data");
let claimed = 0;
await Promise.all(
  Array.from({ length: Number(count) }, async (_, i) => {
    await store.update<number>("counter", (current) => (current ?? 0) + 1);
    if (await store.claim(`claim/${i}`, process.pid)) claimed++;
  }),
);
await store.close();
console.log(JSON.stringify({ claimed }));
