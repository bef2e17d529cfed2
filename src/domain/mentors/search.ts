import {
  findLibraryType,
  getLibraryType,
  isLibraryTypeSlug,
  type LibraryTypeSlug,
  suggestLibraryTypes,
} from "../library-types.js";
import type { MentorDemand } from "./demand.js";
import { keywordQuery } from "./keyword.js";
import { formatBit, type IndexedMentor, type MentorIndex, type TypeBucket } from "./mentor-index.js";
import { type MentorProfile, parseFormats } from "./profile.js";
import {
  availableRank,
  bestRank,
  breakdown,
  matchedRank,
  type RankContext,
  type ScoreBreakdown,
} from "./ranking.js";
import { RELATED_TYPES } from "./related-types.js";
import { querySeed } from "./rotation.js";
import { parseTimeZone, utcOffsetMinutes } from "./timezone.js";
import { characterCount, cleanLine, ValidationError } from "./validation.js";
import type { KeywordMatches } from "./word-index.js";

export interface SearchQuery {
  guildId: string;
  seekerId: string;
  /** A slug, or a name or alias as typed; unknown names throw a {@link ValidationError}. */
  libraryType: string;
  /** One format, or several comma-separated meaning "any of these". */
  format?: string;
  /** Words that must each start a word in the profile; topics weigh most, then the role. */
  keyword?: string;
  /** The seeker's zone; when given, librarians in nearer zones rank higher. */
  timeZone?: string;
  now: number;
  limit?: number;
}

export interface RankedMentor {
  profile: MentorProfile;
  score: ScoreBreakdown;
}

export interface NearbyType {
  type: LibraryTypeSlug;
  name: string;
  count: number;
}

export interface SearchResult {
  /** The best `limit` librarians the seeker can ask now, best first. */
  results: RankedMentor[];
  /**
   * Librarians of the type who match the search: format, keyword, not paused, not the seeker. It is
   * counted before availability (room this month, not excluded for this seeker), which takes a
   * demand look-up per librarian; so it can exceed what any `limit` would list, and be > 0 with no results.
   */
  total: number;
  /** Only when `results` is empty: related types with librarians matching the same search, counted as `total` is. */
  nearby?: NearbyType[];
}

export const DEFAULT_LIMIT = 5;
export const MAX_LIMIT = 25;
export const MAX_KEYWORD_LENGTH = 100;
export const MAX_NEARBY = 3;

interface Candidate {
  slot: number;
  rank: number;
  /** The keyword score when the word index gave it, so the breakdown need not read the text again. */
  keyword: number | undefined;
}

export function searchMentors(index: MentorIndex, demand: MentorDemand, query: SearchQuery): SearchResult {
  const type = resolveLibraryType(query.libraryType);
  const limit = Math.min(Math.max(Math.trunc(query.limit ?? DEFAULT_LIMIT), 1), MAX_LIMIT);
  const context = rankContext(index, demand, query);
  const bucket = index.bucket(query.guildId, type);
  // The best `limit` so far, best first.
  const top: Candidate[] = [];
  let total = 0;
  // The rank of the last of a full list; a librarian ranked after it cannot make the list.
  let lastRank = Number.POSITIVE_INFINITY;
  const self = bucket?.slotOf(query.seekerId);
  const matches = bucket && keywordMatches(bucket, context);
  const count = matches ? matches.slots.length : (bucket?.size ?? 0);
  for (let i = 0; bucket && i < count; i++) {
    const slot = matches ? (matches.slots[i] as number) : i;
    if (slot === self) continue;
    const best = matches
      ? matchedRank(bucket, slot, context, matches.scores[i] as number)
      : bestRank(bucket, slot, context);
    if (best < 0) continue;
    total++;
    // Most librarians cannot beat the last of the list even unasked; they cost no demand look-up.
    if (best > lastRank) continue;
    const last = top.length === limit ? (top[limit - 1] as Candidate) : undefined;
    if (last && !isBefore(bucket, best, slot, last)) continue;
    const rank = availableRank(bucket, slot, context, best);
    if (rank < 0 || (last && !isBefore(bucket, rank, slot, last))) continue;
    let at = top.length;
    while (at > 0 && isBefore(bucket, rank, slot, top[at - 1] as Candidate)) at--;
    top.splice(at, 0, { slot, rank, keyword: matches?.scores[i] });
    if (top.length > limit) top.pop();
    if (top.length === limit) lastRank = (top[limit - 1] as Candidate).rank;
  }
  if (!bucket || top.length === 0) return { results: [], total, nearby: nearbyTypes(index, type, context) };
  const results = top.map(({ slot, keyword }) => ({
    profile: (bucket.entries[slot] as IndexedMentor).profile,
    score: breakdown(bucket, slot, context, keyword),
  }));
  return { results, total };
}

/**
 * With a keyword, the librarians holding every word and their keyword scores, from the bucket's
 * word index; `undefined` without a keyword, or when the words must be looked for in each text.
 */
function keywordMatches(bucket: TypeBucket, context: RankContext): KeywordMatches | undefined {
  return context.keyword ? bucket.words.matches(context.keyword.words, bucket.size) : undefined;
}

/** Equal ranks mean equal rotation keys too, a 1-in-4-billion chance; the user id settles even that. */
function isBefore(bucket: TypeBucket, rank: number, slot: number, other: Candidate): boolean {
  if (rank !== other.rank) return rank < other.rank;
  return (bucket.userIds[slot] as string) < (bucket.userIds[other.slot] as string);
}

export function resolveLibraryType(input: string): LibraryTypeSlug {
  const slug = findLibraryType(input)?.slug;
  if (slug !== undefined && isLibraryTypeSlug(slug)) return slug;
  const [best] = suggestLibraryTypes(input, 1);
  const shown = input.trim().slice(0, 40);
  throw new ValidationError(
    "libraryType",
    `Unknown library type "${shown}".${best ? ` Did you mean: ${best.name}?` : ""}`,
  );
}

function rankContext(index: MentorIndex, demand: MentorDemand, query: SearchQuery): RankContext {
  const keyword = cleanLine(query.keyword ?? "");
  const length = characterCount(keyword);
  if (length > MAX_KEYWORD_LENGTH) {
    throw new ValidationError(
      "keyword",
      `Keyword is ${length} characters; the limit is ${MAX_KEYWORD_LENGTH}.`,
    );
  }
  const seekerZone = query.timeZone?.trim() ? parseTimeZone(query.timeZone) : undefined;
  const formats = query.format?.trim() ? parseFormats(query.format) : [];
  const words = [...new Set(keyword.toLowerCase().split(/[\s,]+/))].filter(Boolean);
  return {
    guildId: query.guildId,
    seekerId: query.seekerId,
    now: query.now,
    formatMask: formats.reduce((mask, format) => mask | formatBit(format), 0),
    keyword: words.length > 0 ? keywordQuery(words) : undefined,
    seekerOffset: seekerZone === undefined ? undefined : utcOffsetMinutes(seekerZone, new Date(query.now)),
    seed: querySeed(query.seekerId, query.now),
    demand,
    zones: index.zones,
    offsets: [],
    bands: new Int8Array(index.zones.length).fill(-1),
  };
}

function nearbyTypes(index: MentorIndex, type: LibraryTypeSlug, context: RankContext): NearbyType[] {
  const nearby: NearbyType[] = [];
  for (const slug of RELATED_TYPES[type]) {
    if (nearby.length === MAX_NEARBY) break;
    const bucket = index.bucket(context.guildId, slug);
    if (!bucket) continue;
    const self = bucket.slotOf(context.seekerId);
    const matches = keywordMatches(bucket, context);
    let count = 0;
    if (matches) {
      for (const [i, slot] of matches.slots.entries()) {
        if (slot !== self && matchedRank(bucket, slot, context, matches.scores[i] as number) >= 0) count++;
      }
    } else {
      for (let slot = 0; slot < bucket.size; slot++) {
        if (slot !== self && bestRank(bucket, slot, context) >= 0) count++;
      }
    }
    if (count > 0) nearby.push({ type: slug, name: getLibraryType(slug).name, count });
  }
  return nearby;
}
