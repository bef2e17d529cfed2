import { DAY_MS } from "../time.js";
import { type TimeZone, utcOffsetMinutes } from "./timezone.js";

/** Why a librarian ranked where they did, most important first. */
export interface ScoreBreakdown {
  /** 0 without a keyword; else per word 3 for a topic, 2 for the role, 1 for bio/career moves/institution. */
  keyword: number;
  timeZoneHours?: number;
  /** {@link timeZoneBand} of `timeZoneHours`; lower ranks higher. */
  timeZoneBand?: number;
  askedLast30Days: number;
  /** Orders librarians who are equal on everything above; differs per seeker and per day. */
  rotation: number;
}

export const FAIRNESS_WINDOW_MS = 30 * DAY_MS;
/**
 * Zones within the same band count as equally close. Someone in Chicago can meet New York as easily
 * as Chicago; ranking every hour apart would hand all of a city's seekers to that city's librarians
 * and leave fairness nothing to order. 1 would make it strictly closer-first.
 */
export const TIME_ZONE_BAND_HOURS = 3;
const LAST_BAND = Math.ceil(12 / TIME_ZONE_BAND_HOURS) - 1;
const DAY_MINUTES = 24 * 60;

/** 0 for the nearest zones; NaN (a zone that cannot be read) counts as the farthest. */
export const timeZoneBand = (hours: number): number =>
  Number.isNaN(hours) ? LAST_BAND : Math.min(Math.floor(hours / TIME_ZONE_BAND_HOURS), LAST_BAND);

/**
 * Hours between a seeker `seekerOffset` minutes east of UTC and a librarian's zone at `at`, the
 * short way round: 0 to 12. NaN for a stored zone this runtime no longer knows (ICU data changes
 * between Node versions): ranked far away, not a crash.
 */
export function hoursApart(seekerOffset: number, zone: TimeZone, at: Date): number {
  let offset: number;
  try {
    offset = utcOffsetMinutes(zone, at);
  } catch {
    return Number.NaN;
  }
  const minutes = Math.abs(seekerOffset - offset) % DAY_MINUTES;
  return Math.min(minutes, DAY_MINUTES - minutes) / 60;
}

/** The seed of one seeker's shuffle (see {@link rotationKey}) during the UTC day that contains `now`. */
export const rotationSeed = (seekerId: string, now: number): number =>
  fnv1a(`${seekerId}/${Math.floor(now / DAY_MS)}`, FNV_OFFSET);

/**
 * A repeatable shuffle of librarians for one seeker on one UTC day: the same all day for them,
 * different for other seekers and other days, with nothing stored. MurmurHash3's finaliser after
 * FNV-1a, which alone stirs a string's last characters into few bits: ids that differ only in their
 * last digits would shuffle poorly.
 */
export function rotationKey(seed: number, mentorId: string): number {
  let hash = fnv1a(mentorId, seed);
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

const FNV_OFFSET = 0x811c9dc5;

/** FNV-1a of `text`, carrying on from `hash`. */
function fnv1a(text: string, hash: number): number {
  let result = hash;
  for (let i = 0; i < text.length; i++) result = Math.imul(result ^ text.charCodeAt(i), 0x01000193);
  return result >>> 0;
}

/**
 * The one definition of the order: keyword fit, then time-zone band, then least asked lately, then
 * rotation; the user id settles the one-in-four-billion tie of equal rotation keys.
 */
export function byRank(
  a: { profile: { userId: string }; score: ScoreBreakdown },
  b: { profile: { userId: string }; score: ScoreBreakdown },
): number {
  return (
    b.score.keyword - a.score.keyword ||
    (a.score.timeZoneBand ?? 0) - (b.score.timeZoneBand ?? 0) ||
    a.score.askedLast30Days - b.score.askedLast30Days ||
    a.score.rotation - b.score.rotation ||
    (a.profile.userId < b.profile.userId ? -1 : 1)
  );
}
