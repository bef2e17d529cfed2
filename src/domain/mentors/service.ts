import { KeyedLock } from "../../store/keyed-lock.js";
import { guildKey, type Store } from "../../store/store.js";
import { UserError } from "../errors.js";
import { collectionOf } from "../guild-versions.js";
import { assertId } from "../ids.js";
import { allLibraryTypes, isLibraryTypeSlug, type LibraryTypeSlug } from "../library-types.js";
import { DAY_MS } from "../time.js";
import { type MentorDemand, NO_DEMAND } from "./demand.js";
import { MentorDirectory } from "./directory.js";
import { type MentorProfile, PROFILE_LIMITS, type ProfileInput, validateProfileInput } from "./profile.js";
import { type SearchQuery, type SearchResult, searchMentors } from "./search.js";
import { integerInRange, optionalText } from "./validation.js";

export const MENTOR_COLLECTION = "mentor";
export const MAX_PAUSE_DAYS = 90;

/** What `edit` accepts: any profile fields; those left out (or `undefined`) keep their value. */
export type ProfileChanges = Partial<Omit<ProfileInput, "guildId" | "userId">>;

export interface MentorRemoval {
  guildId: string;
  userId: string;
  reason: "left" | "removed";
}

/** Told after a librarian's record is gone, so other features can delete what they keep about them. */
export type RemovalListener = (removal: MentorRemoval) => void | Promise<void>;

export interface MentorServiceOptions {
  store: Store;
  demand?: MentorDemand;
  /** Milliseconds since the epoch; injectable for tests. */
  clock?: () => number;
}

export class MentorNotFoundError extends UserError {
  override readonly name = "MentorNotFoundError";

  constructor(
    readonly guildId: string,
    readonly userId: string,
  ) {
    super("That librarian is not listed on this server any more.");
  }
}

export class MentorService {
  readonly collections = [MENTOR_COLLECTION];
  readonly #store: Store;
  readonly #clock: () => number;
  readonly #lock = new KeyedLock();
  readonly #removalListeners = new Set<RemovalListener>();
  #demand: MentorDemand;
  #directory = new MentorDirectory();
  #loading: Promise<unknown> = Promise.resolve();

  constructor({ store, demand = NO_DEMAND, clock = Date.now }: MentorServiceOptions) {
    this.#store = store;
    this.#demand = demand;
    this.#clock = clock;
  }

  setDemand(demand: MentorDemand): void {
    this.#demand = demand;
  }

  onRemoved(listener: RemovalListener): () => void {
    this.#removalListeners.add(listener);
    return () => this.#removalListeners.delete(listener);
  }

  /**
   * Lists one guild's librarians from the store, replacing what was listed for it, or every guild's
   * without `guildId`. Writes made meanwhile wait for it, so the scan cannot overwrite them with what
   * it read earlier.
   */
  load(guildId?: string): Promise<{ loaded: number; skipped: number }> {
    const loading = this.#loading.then(() => this.#scan(guildId));
    this.#loading = loading.catch(() => undefined);
    return loading;
  }

  async #scan(guildId: string | undefined): Promise<{ loaded: number; skipped: number }> {
    const profiles: MentorProfile[] = [];
    let skipped = 0;
    const pattern = collectionOf(MENTOR_COLLECTION, guildId);
    for await (const [key, value] of this.#store.entries<unknown>(pattern)) {
      const [, keyGuildId, collection, userId, ...rest] = key.split("/");
      if (collection !== MENTOR_COLLECTION || rest.length > 0) continue;
      if (isStoredProfile(value, keyGuildId, userId)) profiles.push(value);
      else skipped++;
    }
    if (guildId === undefined) this.#directory = new MentorDirectory();
    else this.#directory.forget(guildId);
    for (const profile of profiles) this.#directory.put(profile);
    return { loaded: profiles.length, skipped };
  }

  /** Lists a librarian, or replaces their whole profile if already listed (keeping join date and pause). */
  async join(input: ProfileInput): Promise<{ profile: MentorProfile; created: boolean }> {
    const valid = validateProfileInput(input);
    let created = false;
    const profile = await this.#write(valid.guildId, valid.userId, (current) => {
      const now = this.#clock();
      created = current === undefined;
      return { ...valid, ...pauseOf(current), joinedAt: current?.joinedAt ?? now, updatedAt: now };
    });
    return { profile: profile as MentorProfile, created };
  }

  /** Changes some fields; merged with the stored record under the key's lock, so concurrent edits all land. */
  async edit(guildId: string, userId: string, changes: ProfileChanges): Promise<MentorProfile> {
    const saved = await this.#write(guildId, userId, (current) => {
      if (!current) throw new MentorNotFoundError(guildId, userId);
      const given = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
      // The ids come last so that changes cannot move the record to another key.
      const valid = validateProfileInput({ ...detailsOf(current), ...given, guildId, userId });
      return { ...valid, ...pauseOf(current), joinedAt: current.joinedAt, updatedAt: this.#clock() };
    });
    return saved as MentorProfile;
  }

  get(guildId: string, userId: string): MentorProfile | undefined {
    return this.#directory.get(guildId, userId);
  }

  list(guildId: string): MentorProfile[] {
    return this.#directory.profiles(guildId);
  }

  /** Hides a librarian from searches for `days` (1-90), or until they resume when `days` is left out. */
  async pause(guildId: string, userId: string, days?: number, reason?: string): Promise<MentorProfile> {
    if (days !== undefined) integerInRange(days, "days", "Pause length in days", 1, MAX_PAUSE_DAYS);
    const pauseReason = optionalText(reason, {
      field: "reason",
      label: "Reason",
      max: PROFILE_LIMITS.pauseReason,
    });
    const saved = await this.#write(guildId, userId, (current) => {
      if (!current) throw new MentorNotFoundError(guildId, userId);
      const now = this.#clock();
      return {
        ...withoutPause(current),
        pausedAt: now,
        ...(days === undefined ? {} : { pausedUntil: now + days * DAY_MS }),
        ...(pauseReason === undefined ? {} : { pauseReason }),
        updatedAt: now,
      };
    });
    return saved as MentorProfile;
  }

  async resume(guildId: string, userId: string): Promise<MentorProfile> {
    const saved = await this.#write(guildId, userId, (current) => {
      if (!current) throw new MentorNotFoundError(guildId, userId);
      return { ...withoutPause(current), updatedAt: this.#clock() };
    });
    return saved as MentorProfile;
  }

  /** The librarian leaves: their record and, through the removal listeners, all else about them goes. */
  leave(guildId: string, userId: string): Promise<boolean> {
    return this.#delete(guildId, userId, "left");
  }

  /** A moderator takes a librarian off the list; deletes the same as {@link leave}. */
  remove(guildId: string, userId: string): Promise<boolean> {
    return this.#delete(guildId, userId, "removed");
  }

  /** Listed librarians per library type, paused ones included. */
  countByType(guildId: string): Record<LibraryTypeSlug, number> {
    const counts = {} as Record<LibraryTypeSlug, number>;
    for (const { slug } of allLibraryTypes()) {
      if (isLibraryTypeSlug(slug)) counts[slug] = this.#directory.countOfType(guildId, slug);
    }
    return counts;
  }

  search(query: Omit<SearchQuery, "now"> & { now?: number }): SearchResult {
    return searchMentors(this.#directory, this.#demand, { ...query, now: query.now ?? this.#clock() });
  }

  /** Librarians listed, in one guild or in all. */
  size(guildId?: string): number {
    return this.#directory.size(guildId);
  }

  /**
   * Returns whether there was a record. Listeners run even when there was none, so calling again
   * after a listener failed finishes the clean-up.
   */
  async #delete(guildId: string, userId: string, reason: MentorRemoval["reason"]): Promise<boolean> {
    let existed = false;
    await this.#write(guildId, userId, (current) => {
      existed = current !== undefined;
      return undefined;
    });
    const outcomes = await Promise.allSettled(
      [...this.#removalListeners].map(async (listener) => listener({ guildId, userId, reason })),
    );
    const failures = outcomes.flatMap((outcome) => (outcome.status === "rejected" ? [outcome.reason] : []));
    if (failures.length > 0) throw new AggregateError(failures, `Could not finish removing ${userId}`);
    return existed;
  }

  /**
   * One read-modify-write of a librarian's record, then the directory. The service's own per-key lock
   * keeps directory updates in the same order as the store's writes.
   */
  #write(
    guildId: string,
    userId: string,
    change: (current: MentorProfile | undefined) => MentorProfile | undefined,
  ): Promise<MentorProfile | undefined> {
    assertId(guildId, "guildId");
    assertId(userId, "userId");
    const key = guildKey(guildId, MENTOR_COLLECTION, userId);
    return this.#lock.run(key, async () => {
      await this.#loading;
      const saved = await this.#store.update<MentorProfile>(key, change);
      if (saved) this.#directory.put(saved);
      else this.#directory.remove(guildId, userId);
      return saved;
    });
  }
}

type PauseState = Pick<MentorProfile, "pausedAt" | "pausedUntil" | "pauseReason">;

function pauseOf(profile: MentorProfile | undefined): PauseState {
  const state: PauseState = {};
  if (profile?.pausedAt !== undefined) state.pausedAt = profile.pausedAt;
  if (profile?.pausedUntil !== undefined) state.pausedUntil = profile.pausedUntil;
  if (profile?.pauseReason !== undefined) state.pauseReason = profile.pauseReason;
  return state;
}

function withoutPause(profile: MentorProfile): MentorProfile {
  const copy = { ...profile };
  delete copy.pausedAt;
  delete copy.pausedUntil;
  delete copy.pauseReason;
  return copy;
}

/** The stored record as `validateProfileInput` input, so an edit re-checks the merged whole. */
function detailsOf(profile: MentorProfile): Partial<MentorProfile> {
  const details: Partial<MentorProfile> = withoutPause(profile);
  delete details.joinedAt;
  delete details.updatedAt;
  return details;
}

/** A light shape check for start-up: a full re-validation of 100k records would cost seconds. */
function isStoredProfile(
  value: unknown,
  guildId: string | undefined,
  userId: string | undefined,
): value is MentorProfile {
  if (typeof value !== "object" || value === null) return false;
  const record = value as Partial<Record<keyof MentorProfile, unknown>>;
  return (
    record.guildId === guildId &&
    record.userId === userId &&
    Array.isArray(record.libraryTypes) &&
    record.libraryTypes.length > 0 &&
    record.libraryTypes.every((slug) => typeof slug === "string" && isLibraryTypeSlug(slug)) &&
    Array.isArray(record.formats) &&
    Array.isArray(record.topics) &&
    ["displayName", "role", "region", "timeZone", "bio"].every(
      (field) => typeof record[field as keyof MentorProfile] === "string",
    ) &&
    typeof record.monthlyCapacity === "number"
  );
}
