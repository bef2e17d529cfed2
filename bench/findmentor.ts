import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MENTOR_COLLECTION } from "../src/domain/mentors/index.js";
import { createStore, guildKey } from "../src/store/store.js";
import { benchInteractions } from "./interactions.js";
import { librarian, random } from "./mentors.js";

/** Writes `count` librarians of all types to a fresh SQLite file for `guildId`; resolves to its URL. */
async function storeWithLibrarians(guildId: string, count: number): Promise<string> {
  const url = `sqlite://${join(mkdtempSync(join(tmpdir(), "bench-findmentor-")), "bot.sqlite")}`;
  const store = await createStore({ url });
  const next = random(7);
  const now = Date.now();
  for (let start = 0; start < count; start += 1000) {
    await Promise.all(
      Array.from({ length: Math.min(1000, count - start) }, (_, i) => {
        const profile = { ...librarian(start + i, next, now), guildId };
        return store.set(guildKey(guildId, MENTOR_COLLECTION, profile.userId), profile);
      }),
    );
  }
  await store.close();
  return url;
}

/** /findmentor academic with 100,000 librarians stored, against the bare /ping bot in the same run. */
export function benchFindMentor(count = 1000, librarians = 100_000) {
  return benchInteractions(count, {
    command: "findmentor",
    options: { "library-type": "academic", keyword: "instruction" },
    prepare: (guildId) => storeWithLibrarians(guildId, librarians),
    sameAnswer: true,
  });
}
