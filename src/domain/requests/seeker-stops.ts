import { collectionPattern, guildKey, type Store } from "../../store/store.js";
import { assertId } from "../ids.js";

/** A moderator stopped this seeker from asking anyone on the server, from a librarian's report. */
export interface SeekerStop {
  guildId: string;
  seekerId: string;
  /** The moderator who did it. */
  stoppedBy: string;
  stoppedAt: number;
}

const STOP_COLLECTION = "seeker-stop";
const stopKey = (guildId: string, seekerId: string): string => guildKey(guildId, STOP_COLLECTION, seekerId);
const stopId = (guildId: string, seekerId: string): string => `${guildId}/${seekerId}`;

/** Seekers who may send no new request on a server, kept in memory for the limits every request passes. */
export class SeekerStops {
  readonly #store: Store;
  readonly #clock: () => number;
  readonly #stops = new Map<string, SeekerStop>();

  constructor(store: Store, clock: () => number) {
    this.#store = store;
    this.#clock = clock;
  }

  /** Reads every stop from the store. Call once at start-up. */
  async load(): Promise<void> {
    this.#stops.clear();
    for await (const [, stop] of this.#store.entries<SeekerStop>(collectionPattern(STOP_COLLECTION)))
      this.#stops.set(stopId(stop.guildId, stop.seekerId), stop);
  }

  isStopped(guildId: string, seekerId: string): boolean {
    return this.#stops.size > 0 && this.#stops.has(stopId(guildId, seekerId));
  }

  /** Stops the seeker asking anyone on the server; a second stop keeps the first record. */
  async stop(guildId: string, seekerId: string, moderatorId: string): Promise<SeekerStop> {
    assertId(guildId, "guildId");
    assertId(seekerId, "seekerId");
    const record: SeekerStop = { guildId, seekerId, stoppedBy: moderatorId, stoppedAt: this.#clock() };
    const saved =
      (await this.#store.update<SeekerStop>(stopKey(guildId, seekerId), (current) => current ?? record)) ??
      record;
    this.#stops.set(stopId(guildId, seekerId), saved);
    return saved;
  }
}
