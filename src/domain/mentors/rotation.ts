import { DAY_MS } from "../time.js";

/** FNV-1a: a fast 32-bit string hash; good enough to seed {@link rotationKey}, not for security. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * A pseudo-random but repeatable number for one librarian as seen by one seeker on one day.
 * Sorting equals by it shuffles them differently for each seeker and day, with nothing stored.
 * The mixing is MurmurHash3's finaliser, so nearby inputs land far apart.
 */
export function rotationKey(mentorSeed: number, querySeed: number): number {
  let h = (mentorSeed ^ querySeed) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The seed of the day's order (see dayKey): the same for every seeker during the UTC day that contains `now`. */
export const daySeed = (now: number): number => rotationKey(DAY_SALT, Math.floor(now / DAY_MS));
const DAY_SALT = 0x5bd1e995;

/** The seed for one seeker's searches during the UTC day that contains `now`. */
export const querySeed = (seekerId: string, now: number): number =>
  rotationKey(hashString(seekerId), Math.floor(now / DAY_MS));
