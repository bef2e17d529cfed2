// One of several processes answering the same interview requests at once (test/requests/processes.test.ts):
// `accept` or `decline` every pending request of the store, started by a line on stdin. Prints the ids
// of the requests this process changed, and how many it was refused.
import { once } from "node:events";
import { UserError } from "../../src/domain/errors.js";
import { fixture, GUILD } from "../requests/helpers.js";

const [url, action, mentorId] = process.argv.slice(2);
if (!url || (action !== "accept" && action !== "decline") || !mentorId) {
  throw new Error("usage: request-decider <url> accept|decline <mentorId>");
}
const f = await fixture(url, Date.now());
const ids = f.requests.queries.listFor(GUILD, mentorId).asMentor.map((request) => request.id);
console.log("ready");
await once(process.stdin, "data");
const changed: string[] = [];
let refused = 0;
await Promise.all(
  ids.map(async (id) => {
    try {
      const result =
        action === "accept"
          ? await f.requests.lifecycle.accept(GUILD, id, mentorId)
          : await f.requests.lifecycle.decline(GUILD, id, mentorId);
      if (result.changed) changed.push(id);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      refused++;
    }
  }),
);
await f.store.close();
console.log(JSON.stringify({ changed, refused }));
