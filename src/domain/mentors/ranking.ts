import { DAY_MS } from "../time.js";
import { dayKey } from "./day-order.js";
import type { SearchDemand } from "./demand.js";
import { type KeywordQuery, keywordScore } from "./keyword.js";
import type { TypeBucket } from "./mentor-index.js";
import { rotationKey } from "./rotation.js";
import { utcOffsetMinutes } from "./timezone.js";
import type { WordIndex } from "./word-index.js";

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

/** 0 for the nearest zones; NaN (a zone that cannot be read) counts as the farthest. */
export const timeZoneBand = (hours: number): number =>
  Number.isNaN(hours) ? LAST_BAND : Math.min(Math.floor(hours / TIME_ZONE_BAND_HOURS), LAST_BAND);

/**
 * What ranking reads of every librarian, in {@link TypeBucket.hot}: per slot, the rotation seed and
 * then one word of format bits and time-zone number, side by side. Between interactions the bot
 * sleeps and its caches go cold; one cache line per librarian is what a search then pays. (A keyword
 * search reads seeds from the word index's matches instead, and this only when it filters on them.)
 * The layout lives here, beside its readers, because module-local constants compile to immediates.
 */
export const HOT_WORDS = 2;
const FORMAT_BITS = 0xff;
const ZONE_SHIFT = 8;
const ZONE_BITS = 0xffff;

export function writeHot(
  hot: Uint32Array,
  slot: number,
  librarian: { seed: number; formats: number; zone: number },
): void {
  if (librarian.zone > ZONE_BITS) throw new Error("More time zones than the index can number");
  hot[slot * HOT_WORDS] = librarian.seed;
  hot[slot * HOT_WORDS + 1] = (librarian.formats & FORMAT_BITS) | (librarian.zone << ZONE_SHIFT);
}

/** Paused now: the bucket's pause bit (one bit per slot, so all of them fit a few cache lines), then the date. */
export const pausedNow = (bucket: TypeBucket, slot: number, now: number): boolean =>
  ((bucket.pausedBits[slot >>> 5] as number) & (1 << (slot & 31))) !== 0 &&
  (bucket.pausedUntil[slot] as number) > now;

/** What a search asks, resolved once; then every candidate is checked against it. */
export interface RankContext {
  guildId: string;
  seekerId: string;
  now: number;
  /** Bits of the formats asked for; 0 for any. */
  formatMask: number;
  /** Lower-case keyword words, each of which must start a word in the profile; absent without any. */
  keyword: KeywordQuery | undefined;
  seekerOffset: number | undefined;
  /** The seeker's seed for the day: see {@link querySeed}. */
  seed: number;
  /** See {@link daySeed}. */
  daySeed: number;
  /**
   * Set when the search walks a {@link DayOrder}: the day key of the seeker's first place in it.
   * Rotation is then how far past it a librarian's day key lies, rather than {@link rotationKey}.
   */
  point: number | undefined;
  /** Demand for this seeker now, counting requests in the fairness window. */
  demand: SearchDemand;
  /** The index's zone table, and each zone's UTC offset at `now` once looked up (null: unreadable). */
  zones: readonly string[];
  offsets: (number | null | undefined)[];
  /** Each zone's band once worked out, -1 before. */
  bands: Int8Array;
}

/**
 * Stage one, from the index alone: -1 if the profile does not match (format, pause, keyword), else
 * the best rank the librarian could have, as if nobody had asked them lately. Runs for every
 * librarian of the type, so it reads typed arrays, and a text only when a keyword may be in it.
 */
export function bestRank(bucket: TypeBucket, slot: number, context: RankContext): number {
  const meta = bucket.hot[slot * HOT_WORDS + 1] as number;
  if (context.formatMask !== 0 && (meta & context.formatMask) === 0) return -1;
  if (pausedNow(bucket, slot, context.now)) return -1;
  const keyword = context.keyword ? keywordScore(bucket, slot, context.keyword) : 0;
  if (keyword < 0) return -1;
  const band = context.seekerOffset === undefined ? 0 : bandOf((meta >>> ZONE_SHIFT) & ZONE_BITS, context);
  return pack(keyword, band, 0, rotationKey(bucket.hot[slot * HOT_WORDS] as number, context.seed));
}

/**
 * {@link bestRank} for a librarian whose keyword score and seed are already known (from the bucket's
 * word index, see {@link WordIndex.matches}): the same checks and rank, without reading the text.
 * Without a format or time zone asked for, {@link keywordFit} gives the same rank more cheaply.
 */
export function matchedRank(
  bucket: TypeBucket,
  slot: number,
  seed: number,
  context: RankContext,
  keyword: number,
): number {
  const meta = bucket.hot[slot * HOT_WORDS + 1] as number;
  if (context.formatMask !== 0 && (meta & context.formatMask) === 0) return -1;
  if (pausedNow(bucket, slot, context.now)) return -1;
  const band = context.seekerOffset === undefined ? 0 : bandOf((meta >>> ZONE_SHIFT) & ZONE_BITS, context);
  return pack(keyword, band, 0, rotationKey(seed, context.seed));
}

/**
 * A search that filters on neither format nor time zone ranks a keyword match by its keyword score
 * and rotation alone: `keywordFit(score) + rotationKey(seed, context.seed)`, the same number as
 * {@link matchedRank}. Searches walk hundreds of matches; this spares each of them the general checks.
 */
export const readsOnlyKeywordAndRotation = (context: RankContext): boolean =>
  context.formatMask === 0 && context.seekerOffset === undefined;

export const keywordFit = (keyword: number): number => pack(keyword, 0, 0, 0);

/**
 * Stage two, asking the demand provider: -1 if the librarian is at capacity or excluded for this
 * seeker, else how many times they were asked in the fairness window. Search asks it only of those
 * whose best rank could make the list; {@link withAsked} then gives their exact rank.
 */
export const askedIfAvailable = (bucket: TypeBucket, slot: number, context: RankContext): number =>
  context.demand.askedIfAvailable(bucket.userIds[slot] as string, bucket.capacity[slot] as number);

/** A best rank made exact: times asked sits just above the 32 rotation bits. */
export const withAsked = (best: number, asked: number): number => best + Math.min(asked, MAX_ASKED) * 2 ** 32;

/** The parts of the rank, for the few librarians shown. */
export function breakdown(
  bucket: TypeBucket,
  slot: number,
  context: RankContext,
  known: { keyword?: number; asked?: number } = {},
): ScoreBreakdown {
  const userId = bucket.userIds[slot] as string;
  const hours = timeZoneHours(
    ((bucket.hot[slot * HOT_WORDS + 1] as number) >>> ZONE_SHIFT) & ZONE_BITS,
    context,
  );
  const score: ScoreBreakdown = {
    keyword: context.keyword ? (known.keyword ?? keywordScore(bucket, slot, context.keyword)) : 0,
    askedLast30Days: known.asked ?? context.demand.askedSince(userId),
    rotation: rotationOf(bucket.hot[slot * HOT_WORDS] as number, context),
  };
  if (hours === undefined) return score;
  // A zone this runtime cannot read (see offsetOf) ranks as far away and shows no hours.
  if (!Number.isNaN(hours)) score.timeZoneHours = hours;
  score.timeZoneBand = timeZoneBand(hours);
  return score;
}

/** The rotation part of a rank: see {@link RankContext.point}. */
export function rotationOf(seed: number, context: RankContext): number {
  if (context.point === undefined) return rotationKey(seed, context.seed);
  return (dayKey(seed, context.daySeed) - context.point) >>> 0;
}

const MAX_KEYWORD = 63;
const MAX_BAND = 15;
const MAX_ASKED = 1023;

/**
 * Fit, then fairness, then rotation, as one number, lower first (52 bits, exact in a double):
 * keyword inverted (6 bits), time-zone band (4), times asked (10, capped), rotation key (32).
 * Comparing one number keeps the search loop fast; this is the single definition of the order.
 */
export const packRank = (score: ScoreBreakdown): number =>
  pack(score.keyword, score.timeZoneBand ?? 0, score.askedLast30Days, score.rotation);

function pack(keyword: number, band: number, asked: number, rotation: number): number {
  const fit = (MAX_KEYWORD - Math.min(keyword, MAX_KEYWORD)) * (MAX_BAND + 1) + Math.min(band, MAX_BAND);
  return (fit * (MAX_ASKED + 1) + Math.min(asked, MAX_ASKED)) * 2 ** 32 + rotation;
}

/** The band of a zone, worked out once per zone per search. */
function bandOf(zone: number, context: RankContext): number {
  let band = context.bands[zone] as number;
  if (band < 0) {
    band = timeZoneBand(timeZoneHours(zone, context) ?? 0);
    context.bands[zone] = band;
  }
  return band;
}

/** Hours to the seeker's zone; `undefined` without one, NaN when the stored zone cannot be read. */
function timeZoneHours(zone: number, context: RankContext): number | undefined {
  if (context.seekerOffset === undefined) return undefined;
  const offset = offsetOf(zone, context);
  if (offset === null) return Number.NaN;
  const minutes = Math.abs(context.seekerOffset - offset) % (24 * 60);
  return Math.min(minutes, 24 * 60 - minutes) / 60;
}

/**
 * One Intl look-up per zone per search rather than per librarian. `null` for a stored zone this
 * runtime no longer knows (ICU data changes between Node versions): ranked far away, not a crash.
 */
function offsetOf(zone: number, context: RankContext): number | null {
  let offset = context.offsets[zone];
  if (offset === undefined) {
    try {
      offset = utcOffsetMinutes(context.zones[zone] ?? "", new Date(context.now));
    } catch {
      offset = null;
    }
    context.offsets[zone] = offset;
  }
  return offset;
}
