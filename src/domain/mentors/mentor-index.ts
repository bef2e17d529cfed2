import type { LibraryTypeSlug } from "../library-types.js";
import type { DayOrder } from "./day-order.js";
import { SIGNATURE_WORDS, writeSignature } from "./keyword.js";
import { MEETING_FORMATS, type MeetingFormat, type MentorProfile } from "./profile.js";
import { HOT_WORDS, writeHot } from "./ranking.js";
import { hashString } from "./rotation.js";
import { WordIndex } from "./word-index.js";

/** A profile plus the lower-case text that keyword search reads. */
export interface IndexedMentor {
  readonly profile: MentorProfile;
  /**
   * Topics, then role, then bio, career moves and institution, lower case, one per line. A keyword's
   * first match tells its weight from where it falls: before `topicsEnd`, before `roleEnd`, or after.
   */
  readonly text: string;
  readonly topicsEnd: number;
  readonly roleEnd: number;
}

/** How many day-order items per slot a bucket keeps before it forgets those of keywords. */
const ORDERS_PER_SLOT = 4;

export const formatBit = (format: MeetingFormat): number => 1 << MEETING_FORMATS.indexOf(format);

/**
 * One guild's librarians of one library type, as parallel columns. Search filters on the typed
 * arrays, which sit side by side in memory, and reads a profile's text only when a keyword's
 * signature bits say it may match: walking 10,000 objects scattered over the heap is what is slow.
 */
export class TypeBucket {
  size = 0;
  entries: IndexedMentor[] = [];
  userIds: string[] = [];
  /** Each entry's `text`, here too so a keyword check skips a hop through the entry. */
  texts: string[] = [];
  /** What ranking reads of each slot, side by side: see {@link writeHot}. */
  hot = new Uint32Array(8 * HOT_WORDS);
  /** One bit per slot, set when {@link pausedUntil} is not 0. */
  pausedBits = new Uint32Array(1);
  /** 0 when not paused, Infinity when paused until resumed; read only for slots with the pause bit. */
  pausedUntil = new Float64Array(8);
  capacity = new Uint8Array(8);
  topicsEnd = new Uint16Array(8);
  roleEnd = new Uint16Array(8);
  /** {@link SIGNATURE_WORDS} per slot: see {@link writeSignature}. */
  signatures = new Uint32Array(8 * SIGNATURE_WORDS);
  /** The words of every text, so a keyword search reads postings rather than texts. */
  readonly words = new WordIndex();
  readonly #slots = new Map<string, number>();
  /** Day orders built by searches, by keyword ("" for none), for the day of {@link #ordersDay}. */
  readonly #orders = new Map<string, DayOrder>();
  #ordersDay = -1;
  #orderedItems = 0;

  slotOf(userId: string): number | undefined {
    return this.#slots.get(userId);
  }

  /**
   * The day's order of the librarians matching `keyword` ("" for all), made by `build` once a day,
   * and again after the bucket changes.
   */
  dayOrder(keyword: string, daySeed: number, build: () => DayOrder): DayOrder {
    if (daySeed !== this.#ordersDay) this.#forgetOrders(daySeed);
    let order = this.#orders.get(keyword);
    if (!order) {
      order = build();
      // Keywords are typed freely: what is kept stays within a few times the bucket. The order of
      // everyone, for searches without a keyword, is kept: it is asked for most.
      if (this.#orderedItems + order.items.length > ORDERS_PER_SLOT * this.size + 1024) {
        const everyone = this.#orders.get("");
        this.#forgetOrders(daySeed);
        if (everyone) {
          this.#orders.set("", everyone);
          this.#orderedItems = everyone.items.length;
        }
      }
      this.#orders.set(keyword, order);
      this.#orderedItems += order.items.length;
    }
    return order;
  }

  #forgetOrders(daySeed: number): void {
    this.#orders.clear();
    this.#orderedItems = 0;
    this.#ordersDay = daySeed;
  }

  add(entry: IndexedMentor, zone: number): void {
    this.#forgetOrders(this.#ordersDay);
    const { profile } = entry;
    if (this.size === this.capacity.length) this.#grow();
    const slot = this.size++;
    this.#slots.set(profile.userId, slot);
    this.entries[slot] = entry;
    this.userIds[slot] = profile.userId;
    this.texts[slot] = entry.text;
    const pausedUntil =
      profile.pausedUntil ?? (profile.pausedAt === undefined ? 0 : Number.POSITIVE_INFINITY);
    const formats = profile.formats.reduce((mask, format) => mask | formatBit(format), 0);
    const seed = hashString(profile.userId);
    writeHot(this.hot, slot, { seed, formats, zone });
    this.#setPaused(slot, pausedUntil);
    this.capacity[slot] = profile.monthlyCapacity;
    this.topicsEnd[slot] = entry.topicsEnd;
    this.roleEnd[slot] = entry.roleEnd;
    writeSignature(entry.text, this.signatures, slot * SIGNATURE_WORDS);
    this.words.add(slot, seed, entry.text, entry.topicsEnd, entry.roleEnd);
  }

  /** Moves the last slot into the gap, so the columns stay dense. */
  remove(userId: string): void {
    const slot = this.#slots.get(userId);
    if (slot === undefined) return;
    this.#forgetOrders(this.#ordersDay);
    this.#slots.delete(userId);
    this.words.remove(slot, this.texts[slot] as string);
    const last = --this.size;
    if (slot !== last) {
      this.words.move(last, slot, this.texts[last] as string);
      const moved = this.userIds[last] as string;
      this.#slots.set(moved, slot);
      this.entries[slot] = this.entries[last] as IndexedMentor;
      this.userIds[slot] = moved;
      this.texts[slot] = this.texts[last] as string;
      for (const column of this.#columns()) column[slot] = column[last] as number;
      this.#setPaused(slot, this.pausedUntil[last] as number);
      this.hot.copyWithin(slot * HOT_WORDS, last * HOT_WORDS, last * HOT_WORDS + HOT_WORDS);
      const signature = slot * SIGNATURE_WORDS;
      this.signatures.copyWithin(signature, last * SIGNATURE_WORDS, last * SIGNATURE_WORDS + SIGNATURE_WORDS);
    }
    this.entries.pop();
    this.userIds.pop();
    this.texts.pop();
  }

  #columns() {
    return [this.capacity, this.topicsEnd, this.roleEnd];
  }

  #setPaused(slot: number, until: number): void {
    this.pausedUntil[slot] = until;
    const bit = 1 << (slot & 31);
    const word = this.pausedBits[slot >>> 5] as number;
    this.pausedBits[slot >>> 5] = until > 0 ? word | bit : word & ~bit;
  }

  #grow(): void {
    const grown = <T extends Uint8Array | Uint16Array | Uint32Array | Float64Array>(column: T): T => {
      const copy = new (column.constructor as new (length: number) => T)(column.length * 2);
      copy.set(column);
      return copy;
    };
    this.hot = grown(this.hot);
    this.pausedBits = grown(this.pausedBits);
    this.pausedUntil = grown(this.pausedUntil);
    this.capacity = grown(this.capacity);
    this.topicsEnd = grown(this.topicsEnd);
    this.roleEnd = grown(this.roleEnd);
    this.signatures = grown(this.signatures);
  }
}

interface GuildMentors {
  readonly byUser: Map<string, IndexedMentor>;
  readonly byType: Map<LibraryTypeSlug, TypeBucket>;
}

function indexed(profile: MentorProfile): IndexedMentor {
  Object.freeze(profile.libraryTypes);
  Object.freeze(profile.formats);
  Object.freeze(profile.topics);
  // Lower-cased part by part: lower-casing can change a string's length, and the ends must be exact.
  const topics = `${profile.topics.join("\n")}\n`.toLowerCase();
  const role = `${profile.role}\n`.toLowerCase();
  const other = [profile.bio, profile.careerMoves, profile.institution]
    .filter(Boolean)
    .join("\n")
    .toLowerCase();
  return {
    profile: Object.freeze(profile),
    // join builds one flat string; `+` would build a rope that the first search has to flatten.
    text: [topics, role, other].join(""),
    topicsEnd: topics.length,
    roleEnd: topics.length + role.length,
  };
}

/**
 * Every guild's librarians in memory: by user and by library type. Guilds never share a map.
 * Profiles handed in are frozen; treat what comes out as read-only.
 */
export class MentorIndex {
  readonly #guilds = new Map<string, GuildMentors>();
  readonly #zoneIds = new Map<string, number>();
  /** Every time zone any librarian uses, so buckets store a small number instead of a string. */
  readonly zones: string[] = [];

  put(profile: MentorProfile): void {
    this.remove(profile.guildId, profile.userId);
    let guild = this.#guilds.get(profile.guildId);
    if (!guild) {
      guild = { byUser: new Map(), byType: new Map() };
      this.#guilds.set(profile.guildId, guild);
    }
    const entry = indexed(profile);
    const zone = this.#zoneId(profile.timeZone);
    guild.byUser.set(profile.userId, entry);
    for (const type of profile.libraryTypes) {
      let bucket = guild.byType.get(type);
      if (!bucket) {
        bucket = new TypeBucket();
        guild.byType.set(type, bucket);
      }
      bucket.add(entry, zone);
    }
  }

  /** Drops one librarian; returns the profile that was indexed, if any. */
  remove(guildId: string, userId: string): MentorProfile | undefined {
    const guild = this.#guilds.get(guildId);
    const entry = guild?.byUser.get(userId);
    if (!guild || !entry) return undefined;
    guild.byUser.delete(userId);
    for (const type of entry.profile.libraryTypes) {
      const bucket = guild.byType.get(type);
      bucket?.remove(userId);
      if (bucket?.size === 0) guild.byType.delete(type);
    }
    if (guild.byUser.size === 0) this.#guilds.delete(guildId);
    return entry.profile;
  }

  get(guildId: string, userId: string): MentorProfile | undefined {
    return this.#guilds.get(guildId)?.byUser.get(userId)?.profile;
  }

  /** The guild's librarians in no particular order. */
  profiles(guildId: string): MentorProfile[] {
    return [...(this.#guilds.get(guildId)?.byUser.values() ?? [])].map((entry) => entry.profile);
  }

  bucket(guildId: string, type: LibraryTypeSlug): TypeBucket | undefined {
    return this.#guilds.get(guildId)?.byType.get(type);
  }

  countOfType(guildId: string, type: LibraryTypeSlug): number {
    return this.bucket(guildId, type)?.size ?? 0;
  }

  /** Librarians in one guild, or in all of them. */
  size(guildId?: string): number {
    if (guildId !== undefined) return this.#guilds.get(guildId)?.byUser.size ?? 0;
    let total = 0;
    for (const guild of this.#guilds.values()) total += guild.byUser.size;
    return total;
  }

  guildIds(): string[] {
    return [...this.#guilds.keys()];
  }

  #zoneId(zone: string): number {
    let id = this.#zoneIds.get(zone);
    if (id === undefined) {
      id = this.zones.push(zone) - 1;
      this.#zoneIds.set(zone, id);
    }
    return id;
  }
}
