import { collectionPattern, guildKey, type Store } from "../store/store.js";

/**
 * A deletion someone asked for: everything about them on a server (/privacy delete-my-data) or
 * their part as a librarian (/mentor leave). Saved before the deletion starts and removed once it
 * is done, so one cut short by a crash is finished at start-up.
 */
export interface DeletionJob {
  guildId: string;
  userId: string;
  scope: "everything" | "librarian";
  startedAt: number;
}

const COLLECTION = "deletion";
const keyOf = (guildId: string, userId: string): string => guildKey(guildId, COLLECTION, userId);

export class DeletionJobs {
  readonly #store: Store;

  constructor(store: Store) {
    this.#store = store;
  }

  async start(job: DeletionJob): Promise<void> {
    await this.#store.set(keyOf(job.guildId, job.userId), job);
  }

  async finish(guildId: string, userId: string): Promise<void> {
    await this.#store.delete(keyOf(guildId, userId));
  }

  /** Deletions started and not finished, in every guild. */
  async unfinished(): Promise<DeletionJob[]> {
    const jobs: DeletionJob[] = [];
    for await (const [, job] of this.#store.entries<DeletionJob>(collectionPattern(COLLECTION)))
      jobs.push(job);
    return jobs;
  }
}
