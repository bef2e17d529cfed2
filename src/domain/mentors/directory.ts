import type { LibraryTypeSlug } from "../library-types.js";
import { type ProfileWords, profileWords } from "./keyword.js";
import type { MentorProfile } from "./profile.js";

/** A listed librarian as search reads them: the profile and its words, made when it is put. */
export interface Listing {
  readonly profile: MentorProfile;
  readonly words: ProfileWords;
}

interface GuildListings {
  readonly byUser: Map<string, Listing>;
  readonly byType: Map<LibraryTypeSlug, Map<string, Listing>>;
}

/**
 * The loaded guilds' librarians in memory, by user and by library type; guilds never share a map. A
 * profile is frozen when put and replaced, never changed, by the next put.
 */
export class MentorDirectory {
  readonly #guilds = new Map<string, GuildListings>();

  put(profile: MentorProfile): void {
    this.remove(profile.guildId, profile.userId);
    let guild = this.#guilds.get(profile.guildId);
    if (!guild) {
      guild = { byUser: new Map(), byType: new Map() };
      this.#guilds.set(profile.guildId, guild);
    }
    Object.freeze(profile.libraryTypes);
    Object.freeze(profile.formats);
    Object.freeze(profile.topics);
    const listing: Listing = { profile: Object.freeze(profile), words: profileWords(profile) };
    guild.byUser.set(profile.userId, listing);
    for (const type of profile.libraryTypes) {
      let ofType = guild.byType.get(type);
      if (!ofType) {
        ofType = new Map();
        guild.byType.set(type, ofType);
      }
      ofType.set(profile.userId, listing);
    }
  }

  /** Drops one librarian; returns the profile that was listed, if any. */
  remove(guildId: string, userId: string): MentorProfile | undefined {
    const guild = this.#guilds.get(guildId);
    const listing = guild?.byUser.get(userId);
    if (!guild || !listing) return undefined;
    guild.byUser.delete(userId);
    for (const type of listing.profile.libraryTypes) {
      const ofType = guild.byType.get(type);
      ofType?.delete(userId);
      if (ofType?.size === 0) guild.byType.delete(type);
    }
    if (guild.byUser.size === 0) this.#guilds.delete(guildId);
    return listing.profile;
  }

  /** Drops every librarian of the guild, before it is loaded again. */
  forget(guildId: string): void {
    this.#guilds.delete(guildId);
  }

  get(guildId: string, userId: string): MentorProfile | undefined {
    return this.#guilds.get(guildId)?.byUser.get(userId)?.profile;
  }

  /** The guild's librarians in no particular order. */
  profiles(guildId: string): MentorProfile[] {
    return [...(this.#guilds.get(guildId)?.byUser.values() ?? [])].map((listing) => listing.profile);
  }

  ofType(guildId: string, type: LibraryTypeSlug): Iterable<Listing> {
    return this.#guilds.get(guildId)?.byType.get(type)?.values() ?? [];
  }

  countOfType(guildId: string, type: LibraryTypeSlug): number {
    return this.#guilds.get(guildId)?.byType.get(type)?.size ?? 0;
  }

  /** Librarians in one guild, or in all of them. */
  size(guildId?: string): number {
    if (guildId !== undefined) return this.#guilds.get(guildId)?.byUser.size ?? 0;
    let total = 0;
    for (const guild of this.#guilds.values()) total += guild.byUser.size;
    return total;
  }
}
