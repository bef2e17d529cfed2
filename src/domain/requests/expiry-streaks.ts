import { guildKey, type Store } from "../../store/store.js";
import type { SettingsService } from "../settings/index.js";

const streakKey = (guildId: string, mentorId: string): string => guildKey(guildId, "expiry-streak", mentorId);

/**
 * How many requests in a row each librarian let expire, kept in the store so a restart forgets
 * nothing. At the guild's `autoPauseAfterExpiries` the librarian is paused.
 */
export class ExpiryStreaks {
  readonly #store: Store;
  readonly #settings: Pick<SettingsService, "get">;

  constructor(store: Store, settings: Pick<SettingsService, "get">) {
    this.#store = store;
    this.#settings = settings;
  }

  /** Counts one more unanswered request; true (and the count restarts) when it reaches the limit. */
  async countOne(guildId: string, mentorId: string): Promise<boolean> {
    const limit = this.#settings.get(guildId).autoPauseAfterExpiries;
    let reached = false;
    await this.#store.update<{ count: number }>(streakKey(guildId, mentorId), (current) => {
      const count = (current?.count ?? 0) + 1;
      reached = count >= limit;
      return reached ? undefined : { count };
    });
    return reached;
  }

  /** How many requests in a row the librarian let expire, so far. */
  async count(guildId: string, mentorId: string): Promise<number> {
    return (await this.#store.get<{ count: number }>(streakKey(guildId, mentorId)))?.count ?? 0;
  }

  /** An answer, either way, ends a run; so does deleting the librarian's data. */
  async end(guildId: string, mentorId: string): Promise<void> {
    await this.#store.delete(streakKey(guildId, mentorId));
  }
}
