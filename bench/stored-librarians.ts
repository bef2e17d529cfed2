import { MENTOR_COLLECTION } from "../src/domain/mentors/index.js";
import { createStore, guildKey, type Store } from "../src/store/store.js";
import { copyOfStore, type Database, freshStoreUrl } from "./databases.js";
import { librarian, random } from "./mentors.js";

/** What ours finds in its store at start-up: the scale. */
export const LIBRARIANS = 100_000;
export const SERVERS = 200;
const PER_SERVER = LIBRARIANS / SERVERS;

async function writeLibrarians(store: Store, guildId: string, from: number, count: number): Promise<void> {
  const next = random(from + 1);
  const now = Date.now();
  for (let start = from; start < from + count; start += 1_000) {
    const batch = Array.from({ length: Math.min(1_000, from + count - start) }, (_, i) => ({
      ...librarian(start + i, next, now),
      guildId,
    }));
    await Promise.all(batch.map((p) => store.set(guildKey(guildId, MENTOR_COLLECTION, p.userId), p)));
  }
}

const storedOnlyServer = (server: number) => `9${String(server).padStart(17, "0")}`;
const otherServers = new Map<Database, Promise<string>>();

/**
 * A store holding LIBRARIANS librarians over SERVERS servers, the emulator's (one or two) among
 * them; resolves to its URL. All but two servers are written once per database and copied for each round.
 */
export async function storedLibrarians(database: Database, liveGuildIds: string[]): Promise<string> {
  let others = otherServers.get(database);
  if (!others) {
    others = (async () => {
      const url = freshStoreUrl(database);
      const store = await createStore({ url });
      for (let server = 2; server < SERVERS; server++)
        await writeLibrarians(store, storedOnlyServer(server), server * PER_SERVER, PER_SERVER);
      await store.close();
      return url;
    })();
    otherServers.set(database, others);
  }
  const url = await copyOfStore(await others);
  const store = await createStore({ url });
  // The emulator's servers, and one more stored only when the emulator has a single server.
  const added = [...liveGuildIds, storedOnlyServer(1)].slice(0, 2);
  for (const [i, guildId] of added.entries())
    await writeLibrarians(store, guildId, i * PER_SERVER, PER_SERVER);
  await store.close();
  return url;
}
