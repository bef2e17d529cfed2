import { randomBytes } from "node:crypto";
import { collectionPattern, guildKey, type Store } from "../../store/store.js";

interface OwedMark {
  guildId: string;
  stamp: string;
}

const OWED_COLLECTION = "owed-work";
const markKey = (guildId: string): string => guildKey(guildId, OWED_COLLECTION);

/**
 * Guilds that may owe people something: a request with effects still owed, or a report not yet
 * posted. One small record per guild, so that at start-up the bot finds them without loading every
 * guild. A guild is marked after each such write and cleared once it owes nothing.
 */
export class OwedWork {
  readonly #store: Store;

  constructor(store: Store) {
    this.#store = store;
  }

  /** The guild may owe something now; a new stamp each time, so a clear made from an older look misses. */
  async mark(guildId: string): Promise<void> {
    await this.#store.set<OwedMark>(markKey(guildId), { guildId, stamp: randomBytes(8).toString("hex") });
  }

  /** Every marked guild, with the stamp to pass to {@link clear}. */
  async marked(): Promise<OwedMark[]> {
    const marks: OwedMark[] = [];
    for await (const [, mark] of this.#store.entries<OwedMark>(collectionPattern(OWED_COLLECTION)))
      marks.push(mark);
    return marks;
  }

  /** The guild owes nothing: unmarks it, unless it was marked again since `stamp` was read. */
  async clear(guildId: string, stamp: string): Promise<void> {
    await this.#store.update<OwedMark>(markKey(guildId), (current) =>
      current?.stamp === stamp ? undefined : current,
    );
  }
}
