import { guildKey, type Store } from "../../store/store.js";

/** The seeker's agenda for one request: picks in progress, and what was last posted. */
export interface AgendaDraft {
  /** Question texts, in the order they will be posted. */
  picks: string[];
  /** How many times an agenda was posted: numbers the message nonce of the next post. */
  posts?: number;
  /** The picks as last posted, to tell a repeat Post from an updated agenda. */
  postedPicks?: string[];
}

const COLLECTION = "agenda-draft";
const keyOf = (guildId: string, requestId: string): string => guildKey(guildId, COLLECTION, requestId);

/** One draft per request, under its own key; every change is one locked read-modify-write. */
export class AgendaDrafts {
  readonly #store: Store;

  constructor(store: Store) {
    this.#store = store;
  }

  async get(guildId: string, requestId: string): Promise<AgendaDraft> {
    return (await this.#store.get<AgendaDraft>(keyOf(guildId, requestId))) ?? { picks: [] };
  }

  async update(
    guildId: string,
    requestId: string,
    change: (current: AgendaDraft) => AgendaDraft,
  ): Promise<AgendaDraft> {
    const saved = await this.#store.update<AgendaDraft>(keyOf(guildId, requestId), (current) =>
      change(current ?? { picks: [] }),
    );
    return saved ?? { picks: [] };
  }

  async delete(guildId: string, requestId: string): Promise<void> {
    await this.#store.delete(keyOf(guildId, requestId));
  }
}
