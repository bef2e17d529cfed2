import { guildKey, type Store } from "../../store/store.js";
import { assertId } from "../ids.js";
import type { SettingsService } from "../settings/index.js";

/** The no-show ladder's durations (from the config). */
export interface NoShowDurations {
  /** NO_SHOW_WINDOW: no-shows older than this no longer count. */
  readonly windowMs: number;
  /** NO_SHOW_STOP: how long a seeker may not ask anyone after too many no-shows. */
  readonly stopMs: number;
}

export type NoShowRole = "seeker" | "librarian";

/** One interview the other person said this one didn't come to. */
export interface NoShowEntry {
  readonly requestId: string;
  readonly at: number;
  /** Who said so: the other person of the interview. */
  readonly reportedBy: string;
  readonly role: NoShowRole;
  /** A moderator forgave it: it no longer counts. */
  readonly forgiven?: { readonly by: string; readonly at: number };
}

/** What too many no-shows led to: a librarian paused until they resume, a seeker stopped for a while. */
export interface NoShowConsequence {
  readonly kind: "pause" | "stop";
  readonly at: number;
  /** The end of a seeker's stop. */
  readonly until?: number;
  /** The no-show that reached the limit. */
  readonly requestId: string;
}

/** One person's no-shows on one server, under one key. */
export interface NoShowRecord {
  readonly guildId: string;
  readonly userId: string;
  readonly entries: readonly NoShowEntry[];
  /** Set while the last consequence may still hold; cleared when forgiveness brings the count under the limit. */
  readonly consequence?: NoShowConsequence;
}

export interface NoShowOutcome {
  readonly record: NoShowRecord;
  /** No-shows that count now (within the window, not forgiven). */
  readonly counted: number;
  readonly limit: number;
  /** Set when this no-show reached the limit (also when asked again about the same no-show). */
  readonly consequence?: NoShowConsequence;
}

export interface ForgiveOutcome {
  /** False when the no-show was forgiven already or is not on record. */
  readonly forgiven: boolean;
  readonly record?: NoShowRecord;
  readonly counted: number;
  /** The pause or stop that no longer holds, to lift. */
  readonly lifted?: NoShowConsequence;
}

const COLLECTION = "no-shows";
const recordKey = (guildId: string, userId: string): string => guildKey(guildId, COLLECTION, userId);

/** The no-show ladder: a person's no-shows, and the pause or stop once they reach the server's limit. */
export class NoShows {
  readonly #store: Store;
  readonly #settings: Pick<SettingsService, "get">;
  readonly #clock: () => number;
  readonly #durations: NoShowDurations;

  constructor(
    store: Store,
    settings: Pick<SettingsService, "get">,
    clock: () => number,
    durations: NoShowDurations,
  ) {
    this.#store = store;
    this.#settings = settings;
    this.#clock = clock;
    this.#durations = durations;
  }

  get(guildId: string, userId: string): Promise<NoShowRecord | undefined> {
    return this.#store.get<NoShowRecord>(recordKey(guildId, userId));
  }

  /** The person deletes their data: their no-shows go (a pause or stop already in force is kept elsewhere). */
  async delete(guildId: string, userId: string): Promise<boolean> {
    return this.#store.delete(recordKey(guildId, userId));
  }

  /** No-shows that count at `now`: within the window and not forgiven. */
  counted(record: NoShowRecord | undefined, now = this.#clock()): number {
    const since = now - this.#durations.windowMs;
    return (record?.entries ?? []).filter((entry) => !entry.forgiven && entry.at > since).length;
  }

  /**
   * Records a no-show for `userId` on the interview `requestId`, once: asked again about the same
   * interview, it changes nothing and answers as the first time did.
   */
  async record(
    guildId: string,
    userId: string,
    noShow: { requestId: string; reportedBy: string; role: NoShowRole },
  ): Promise<NoShowOutcome> {
    assertId(guildId, "guildId");
    assertId(userId, "userId");
    const now = this.#clock();
    const limit = this.#settings.get(guildId).noShowsBeforePause;
    const saved = (await this.#store.update<NoShowRecord>(recordKey(guildId, userId), (current) => {
      const base: NoShowRecord = current ?? { guildId, userId, entries: [] };
      if (base.entries.some((entry) => entry.requestId === noShow.requestId)) return base;
      // Entries past the window can never count again, so they are not kept.
      const entries = [
        ...base.entries.filter((entry) => entry.at > now - this.#durations.windowMs),
        { ...noShow, at: now },
      ];
      const next: NoShowRecord = { ...base, entries };
      if (this.counted(next, now) < limit) return next;
      const consequence: NoShowConsequence =
        noShow.role === "librarian"
          ? { kind: "pause", at: now, requestId: noShow.requestId }
          : { kind: "stop", at: now, until: now + this.#durations.stopMs, requestId: noShow.requestId };
      return { ...next, consequence };
    })) as NoShowRecord;
    const consequence = saved.consequence?.requestId === noShow.requestId ? saved.consequence : undefined;
    return {
      record: saved,
      counted: this.counted(saved, now),
      limit,
      ...(consequence ? { consequence } : {}),
    };
  }

  /**
   * A moderator forgives the no-show of `userId` on `requestId`: it no longer counts, and a pause or
   * stop that no longer holds (fewer no-shows than the limit) is handed back to lift.
   */
  async forgive(guildId: string, userId: string, requestId: string, by: string): Promise<ForgiveOutcome> {
    const now = this.#clock();
    const limit = this.#settings.get(guildId).noShowsBeforePause;
    let forgiven = false;
    let lifted: NoShowConsequence | undefined;
    const saved = await this.#store.update<NoShowRecord>(recordKey(guildId, userId), (current) => {
      if (!current) return current;
      const entries = current.entries.map((entry) => {
        if (entry.requestId !== requestId || entry.forgiven) return entry;
        forgiven = true;
        return { ...entry, forgiven: { by, at: now } };
      });
      const next: NoShowRecord = { ...current, entries };
      if (!next.consequence || this.counted(next, now) >= limit) return next;
      lifted = next.consequence;
      const { consequence: _, ...rest } = next;
      return rest;
    });
    return {
      forgiven,
      counted: this.counted(saved, now),
      ...(saved ? { record: saved } : {}),
      ...(lifted ? { lifted } : {}),
    };
  }
}
