import { guildKey, type Store } from "../../store/store.js";
import { collectionOf, forgetGuild } from "../guild-versions.js";
import { assertId } from "../ids.js";

/** A moderator stopped this seeker from asking anyone on the server, from a librarian's report. */
export interface SeekerStop {
  guildId: string;
  seekerId: string;
  /** The moderator who did it, or {@link NO_SHOW_STOPPER} for the bot after repeated no-shows. */
  stoppedBy: string;
  stoppedAt: number;
  /** A stop that lifts by itself (after no-shows); a moderator's stop has none. */
  until?: number;
}

/** `stoppedBy` of a stop the bot set after repeated no-shows. */
export const NO_SHOW_STOPPER = "no-shows";

/**
 * A stop on a seeker who has deleted their data (or who had when a moderator stopped them): like a
 * kept block (see SafetyRecords), it holds a one-way code of their id, so deleting one's data
 * cannot lift it and the same account is stopped again if it asks.
 */
export interface KeptSeekerStop {
  guildId: string;
  seekerCode: string;
  stoppedBy: string;
  stoppedAt: number;
  until?: number;
}

export const STOP_COLLECTION = "seeker-stop";
export const KEPT_STOP_COLLECTION = "safety-stop";
const stopKey = (guildId: string, seekerId: string): string => guildKey(guildId, STOP_COLLECTION, seekerId);
const keptKey = (guildId: string, seekerCode: string): string =>
  guildKey(guildId, KEPT_STOP_COLLECTION, seekerCode);
const stopId = (guildId: string, seeker: string): string => `${guildId}/${seeker}`;

/** Seekers who may send no new request on a server, kept in memory for the limits every request passes. */
export class SeekerStops {
  readonly #store: Store;
  readonly #clock: () => number;
  readonly #codeOf: (guildId: string, userId: string) => string;
  readonly #stops = new Map<string, SeekerStop>();
  readonly #kept = new Map<string, KeptSeekerStop>();

  /** `codeOf` is SafetyRecords.codeOf: the one-way code kept records use. */
  constructor(store: Store, clock: () => number, codeOf: (guildId: string, userId: string) => string) {
    this.#store = store;
    this.#clock = clock;
    this.#codeOf = codeOf;
  }

  /** Reads one guild's stops from the store (every guild's without `guildId`), replacing those held. */
  async load(guildId?: string): Promise<void> {
    const stops: SeekerStop[] = [];
    for await (const [, stop] of this.#store.entries<SeekerStop>(collectionOf(STOP_COLLECTION, guildId)))
      stops.push(stop);
    const kept: KeptSeekerStop[] = [];
    for await (const [, record] of this.#store.entries<KeptSeekerStop>(
      collectionOf(KEPT_STOP_COLLECTION, guildId),
    ))
      kept.push(record);
    forgetGuild(this.#stops, guildId);
    forgetGuild(this.#kept, guildId);
    for (const stop of stops) this.#stops.set(stopId(stop.guildId, stop.seekerId), stop);
    for (const record of kept) this.#kept.set(stopId(record.guildId, record.seekerCode), record);
  }

  isStopped(guildId: string, seekerId: string): boolean {
    return this.stoppedUntil(guildId, seekerId) !== undefined;
  }

  /** Infinity for a stop until a moderator lifts it, the end of a timed stop, or undefined for none. */
  stoppedUntil(guildId: string, seekerId: string): number | undefined {
    const now = this.#clock();
    const inForce = (stop: { until?: number } | undefined) =>
      stop === undefined
        ? undefined
        : (stop.until ?? Number.POSITIVE_INFINITY) > now
          ? (stop.until ?? Number.POSITIVE_INFINITY)
          : undefined;
    const own = inForce(this.#stops.get(stopId(guildId, seekerId)));
    if (own !== undefined || this.#kept.size === 0) return own;
    return inForce(this.#kept.get(stopId(guildId, this.#codeOf(guildId, seekerId))));
  }

  /** The stop on this seeker while they have their data here, for their export. */
  of(guildId: string, seekerId: string): SeekerStop | undefined {
    return this.#stops.get(stopId(guildId, seekerId));
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

  /**
   * Stops the seeker asking until `until`, after repeated no-shows. A moderator's stop, which has no
   * end, stays as it is; a timed stop is replaced.
   */
  async stopUntil(guildId: string, seekerId: string, until: number): Promise<SeekerStop> {
    assertId(guildId, "guildId");
    assertId(seekerId, "seekerId");
    const record: SeekerStop = {
      guildId,
      seekerId,
      stoppedBy: NO_SHOW_STOPPER,
      stoppedAt: this.#clock(),
      until,
    };
    const saved =
      (await this.#store.update<SeekerStop>(stopKey(guildId, seekerId), (current) =>
        current && current.until === undefined ? current : record,
      )) ?? record;
    this.#stops.set(stopId(guildId, seekerId), saved);
    return saved;
  }

  /** Lifts a timed stop (a forgiven no-show); a moderator's stop stays. True when one was lifted. */
  async liftTimed(guildId: string, seekerId: string): Promise<boolean> {
    let lifted = false;
    await this.#store.update<SeekerStop>(stopKey(guildId, seekerId), (current) => {
      lifted = current?.until !== undefined;
      return lifted ? undefined : current;
    });
    if (lifted) this.#stops.delete(stopId(guildId, seekerId));
    return lifted;
  }

  /** Stops a seeker known only by their code, from a report kept after they deleted their data. */
  async stopByCode(guildId: string, seekerCode: string, moderatorId: string): Promise<KeptSeekerStop> {
    return this.#keep({ guildId, seekerCode, stoppedBy: moderatorId, stoppedAt: this.#clock() });
  }

  /**
   * The seeker is deleting their data: a stop on them is kept under the code instead of their id.
   * Resolves to whether there was one.
   */
  async keepOf(guildId: string, seekerId: string): Promise<boolean> {
    const stop = this.#stops.get(stopId(guildId, seekerId));
    if (!stop) return false;
    const { stoppedBy, stoppedAt, until } = stop;
    await this.#keep({
      guildId,
      seekerCode: this.#codeOf(guildId, seekerId),
      stoppedBy,
      stoppedAt,
      ...(until === undefined ? {} : { until }),
    });
    await this.#store.delete(stopKey(guildId, seekerId));
    this.#stops.delete(stopId(guildId, seekerId));
    return true;
  }

  async #keep(record: KeptSeekerStop): Promise<KeptSeekerStop> {
    const saved =
      (await this.#store.update<KeptSeekerStop>(
        keptKey(record.guildId, record.seekerCode),
        (current) => current ?? record,
      )) ?? record;
    this.#kept.set(stopId(record.guildId, record.seekerCode), saved);
    return saved;
  }
}
