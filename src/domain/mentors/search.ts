import {
  findLibraryType,
  getLibraryType,
  isLibraryTypeSlug,
  type LibraryTypeSlug,
  suggestLibraryTypes,
} from "../library-types.js";
import { buildDayOrder, type DayOrder, lowerBound } from "./day-order.js";
import { type MentorDemand, searchDemand } from "./demand.js";
import { keywordQuery, keywordScore } from "./keyword.js";
import { formatBit, type IndexedMentor, type MentorIndex, type TypeBucket } from "./mentor-index.js";
import { type MentorProfile, parseFormats } from "./profile.js";
import {
  askedIfAvailable,
  bestRank,
  breakdown,
  FAIRNESS_WINDOW_MS,
  HOT_WORDS,
  keywordFit,
  matchedRank,
  pausedNow,
  type RankContext,
  readsOnlyKeywordAndRotation,
  type ScoreBreakdown,
  withAsked,
} from "./ranking.js";
import { RELATED_TYPES } from "./related-types.js";
import { daySeed, querySeed, rotationKey } from "./rotation.js";
import { parseTimeZone, utcOffsetMinutes } from "./timezone.js";
import { characterCount, cleanLine, ValidationError } from "./validation.js";
import { type KeywordMatches, SCORE_BITS, SCORE_MASK } from "./word-index.js";

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
   * A search that walked the day's order (see {@link DayOrder}) stopped early: it counts on first read.
   */
  readonly total: number;
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
  /** Times asked lately, once demand was asked. */
  asked?: number;
}

/**
 * Demand look-ups cost far more than ranking from the index (they key maps by strings), so search
 * first shortlists this many times `limit` by best rank, then asks about those, best first.
 */
const SHORTLIST_FACTOR = 3;

export function searchMentors(index: MentorIndex, demand: MentorDemand, query: SearchQuery): SearchResult {
  const type = resolveLibraryType(query.libraryType);
  const limit = Math.min(Math.max(Math.trunc(query.limit ?? DEFAULT_LIMIT), 1), MAX_LIMIT);
  const context = rankContext(index, demand, query);
  const bucket = index.bucket(query.guildId, type);
  if (!bucket) return { results: [], total: 0, nearby: nearbyTypes(index, type, context) };
  const order = dayOrderFor(bucket, context);
  const size = limit * SHORTLIST_FACTOR;
  const shortlist: Candidate[] = [];
  let seen = 0;
  let lastRank = Number.POSITIVE_INFINITY;
  walk(bucket, context, order, (slot, best, keyword) => {
    seen++;
    // Most librarians cannot beat the shortlist's last place; they cost nothing more.
    if (best > lastRank) return false;
    insert(bucket, shortlist, { slot, rank: best, keyword }, size);
    if (shortlist.length === size) lastRank = (shortlist[size - 1] as Candidate).rank;
    return true;
  });
  // A walk in the day's order stops once the list is settled, so it has not seen everyone.
  const total = order ? () => countMatches(bucket, context) : () => seen;
  const top =
    fromShortlist(bucket, context, shortlist, size, limit) ?? rankAll(bucket, context, order, limit);
  if (top.length === 0) return { results: [], total: total(), nearby: nearbyTypes(index, type, context) };
  const results = top.map(({ slot, keyword, asked }) => ({
    profile: (bucket.entries[slot] as IndexedMentor).profile,
    score: breakdown(bucket, slot, context, { keyword, asked }),
  }));
  let counted: number | undefined;
  return {
    results,
    get total() {
      counted ??= total();
      return counted;
    },
  };
}

/**
 * Called for each librarian who matches, with their best rank. Returns false when this one cannot
 * make the list; a walk in rank order then stops, as nobody after them can either.
 */
type Visit = (slot: number, best: number, keyword: number | undefined) => boolean;

function walk(bucket: TypeBucket, context: RankContext, order: DayOrder | undefined, visit: Visit): void {
  if (order) eachInOrder(bucket, context, order, visit);
  else eachMatch(bucket, context, visit);
}

/**
 * A search that filters on nothing but one keyword word, or on nothing, walks the day's order of
 * its matches (see {@link DayOrder}), and sets the seeker's starting point in it. Others rank by
 * {@link rotationKey} and must look at every match.
 */
function dayOrderFor(bucket: TypeBucket, context: RankContext): DayOrder | undefined {
  const words = context.keyword?.words ?? [];
  if (!readsOnlyKeywordAndRotation(context) || words.length > 1) return undefined;
  const order = bucket.dayOrder(words[0] ?? "", context.daySeed, () => {
    const { pairs, count } = matchesOf(bucket, context);
    return buildDayOrder(pairs, count, context.daySeed, bucket.userIds);
  });
  // Everyone of the best weight is equally likely to be the seeker's first.
  const [firstRun = 0] = order.ends;
  context.point = firstRun > 0 ? (order.keys[context.seed % firstRun] as number) : 0;
  return order;
}

/** Everyone the keyword matches (or everyone, without one), paused or not, laid out as postings. */
function matchesOf(bucket: TypeBucket, context: RankContext): KeywordMatches {
  const fromIndex = keywordMatches(bucket, context);
  if (fromIndex) return fromIndex;
  const pairs = new Int32Array(2 * bucket.size);
  let count = 0;
  for (let slot = 0; slot < bucket.size; slot++) {
    const keyword = context.keyword ? keywordScore(bucket, slot, context.keyword) : 0;
    if (keyword < 0) continue;
    pairs[2 * count] = (slot << SCORE_BITS) | Math.min(keyword, SCORE_MASK);
    pairs[2 * count++ + 1] = bucket.hot[slot * HOT_WORDS] as number;
  }
  return { pairs, count };
}

/**
 * {@link eachMatch} in rank order: run by run, each from the first day key at or after the seeker's
 * point, round to it; stops when `visit` says nobody after can make the list.
 */
function eachInOrder(bucket: TypeBucket, context: RankContext, order: DayOrder, visit: Visit): void {
  const { items, keys, ends } = order;
  const self = bucket.slotOf(context.seekerId);
  const point = context.point ?? 0;
  let start = 0;
  for (const end of ends) {
    const length = end - start;
    const keyword = (items[start] as number) & SCORE_MASK;
    const fit = keywordFit(keyword);
    const first = lowerBound(keys, start, end, point);
    for (let step = 0; step < length; step++) {
      const at = first + step < end ? first + step : first + step - length;
      const slot = (items[at] as number) >>> SCORE_BITS;
      if (slot === self || pausedNow(bucket, slot, context.now)) continue;
      if (!visit(slot, fit + (((keys[at] as number) - point) >>> 0), keyword)) return;
    }
    start = end;
  }
}

/** Everyone of the bucket who matches the search, save the seeker: see {@link SearchResult.total}. */
function countMatches(bucket: TypeBucket, context: RankContext): number {
  let count = 0;
  eachMatch(bucket, context, () => ++count > 0);
  return count;
}

/**
 * Calls `visit` for everyone of the bucket who matches the search (format, pause, keyword), save
 * the seeker: with their slot, best rank (see {@link bestRank}) and keyword score when the word
 * index gave it, so the breakdown need not read the text again.
 */
function eachMatch(bucket: TypeBucket, context: RankContext, visit: Visit): void {
  const self = bucket.slotOf(context.seekerId);
  const matches = keywordMatches(bucket, context);
  if (matches && readsOnlyKeywordAndRotation(context)) {
    const { pairs } = matches;
    let fitOf = -1;
    let fit = 0;
    for (let i = 0; i < matches.count; i++) {
      const item = pairs[2 * i] as number;
      const slot = item >>> SCORE_BITS;
      if (slot === self || pausedNow(bucket, slot, context.now)) continue;
      const keyword = item & SCORE_MASK;
      if (keyword !== fitOf) {
        fitOf = keyword;
        fit = keywordFit(keyword);
      }
      visit(slot, fit + rotationKey(pairs[2 * i + 1] as number, context.seed), keyword);
    }
    return;
  }
  if (matches) {
    const { pairs } = matches;
    for (let i = 0; i < matches.count; i++) {
      const item = pairs[2 * i] as number;
      const slot = item >>> SCORE_BITS;
      const keyword = item & SCORE_MASK;
      if (slot === self) continue;
      const best = matchedRank(bucket, slot, pairs[2 * i + 1] as number, context, keyword);
      if (best >= 0) visit(slot, best, keyword);
    }
    return;
  }
  for (let slot = 0; slot < bucket.size; slot++) {
    if (slot === self) continue;
    const best = bestRank(bucket, slot, context);
    if (best >= 0) visit(slot, best, undefined);
  }
}

/** Inserts into `list`, kept in rank order and at most `limit` long. */
function insert(bucket: TypeBucket, list: Candidate[], candidate: Candidate, limit: number): void {
  let at = list.length;
  while (at > 0 && isBefore(bucket, candidate.rank, candidate.slot, list[at - 1] as Candidate)) at--;
  if (at === limit) return;
  if (list.length === limit) list.pop();
  for (let i = list.length; i > at; i--) list[i] = list[i - 1] as Candidate;
  list[at] = candidate;
}

/**
 * The best `limit` available, from asking demand about a shortlist of the best `size` by best rank;
 * `undefined` when too many on it are busy or were asked lately to be sure of the answer.
 */
function fromShortlist(
  bucket: TypeBucket,
  context: RankContext,
  shortlist: readonly Candidate[],
  size: number,
  limit: number,
): Candidate[] | undefined {
  const top: Candidate[] = [];
  for (const candidate of shortlist) {
    const last = top.length === limit ? (top[limit - 1] as Candidate) : undefined;
    // Ranks only grow with demand: nobody from here on can pass the list's last place.
    if (last && !isBefore(bucket, candidate.rank, candidate.slot, last)) return top;
    const asked = askedIfAvailable(bucket, candidate.slot, context);
    if (asked < 0) continue;
    // Spelled out, not spread: a spread costs microseconds in code V8 has not optimised yet.
    const { slot, rank, keyword } = candidate;
    insert(bucket, top, { slot, rank: withAsked(rank, asked), keyword, asked }, limit);
  }
  if (shortlist.length < size) return top;
  // Everyone left off the shortlist ranks after its last; are they after the list's last too?
  const last = top[limit - 1];
  const cutoff = shortlist[size - 1] as Candidate;
  return last && !isBefore(bucket, cutoff.rank, cutoff.slot, last) ? top : undefined;
}

/** The best `limit` available, asking demand about everyone who could still make the list. */
function rankAll(
  bucket: TypeBucket,
  context: RankContext,
  order: DayOrder | undefined,
  limit: number,
): Candidate[] {
  const top: Candidate[] = [];
  // The rank of the last of a full list; a librarian ranked after it cannot make the list.
  let lastRank = Number.POSITIVE_INFINITY;
  walk(bucket, context, order, (slot, best, keyword) => {
    if (best > lastRank) return false;
    const last = top.length === limit ? (top[limit - 1] as Candidate) : undefined;
    if (last && !isBefore(bucket, best, slot, last)) return true;
    const asked = askedIfAvailable(bucket, slot, context);
    if (asked < 0) return true;
    insert(bucket, top, { slot, rank: withAsked(best, asked), keyword, asked }, limit);
    if (top.length === limit) lastRank = (top[limit - 1] as Candidate).rank;
    return true;
  });
  return top;
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
  if (isLibraryTypeSlug(input)) return input;
  const slug = findLibraryType(input)?.slug;
  if (slug !== undefined && isLibraryTypeSlug(slug)) return slug;
  const [best] = suggestLibraryTypes(input, 1);
  const shown = input.trim().slice(0, 40);
  throw new ValidationError(
    "libraryType",
    `Unknown library type "${shown}".${best ? ` Did you mean: ${best.name}?` : ""}`,
  );
}

const NO_BANDS = new Int8Array(0);

function rankContext(index: MentorIndex, demand: MentorDemand, query: SearchQuery): RankContext {
  const keyword = query.keyword ? cleanLine(query.keyword) : "";
  // No more characters than UTF-16 units: only a long keyword needs counting.
  const length = keyword.length > MAX_KEYWORD_LENGTH ? characterCount(keyword) : keyword.length;
  if (length > MAX_KEYWORD_LENGTH) {
    throw new ValidationError(
      "keyword",
      `Keyword is ${length} characters; the limit is ${MAX_KEYWORD_LENGTH}.`,
    );
  }
  const seekerZone = query.timeZone?.trim() ? parseTimeZone(query.timeZone) : undefined;
  const formats = query.format?.trim() ? parseFormats(query.format) : [];
  const words = keywordWords(keyword.toLowerCase());
  const seekerOffset =
    seekerZone === undefined ? undefined : utcOffsetMinutes(seekerZone, new Date(query.now));
  return {
    guildId: query.guildId,
    seekerId: query.seekerId,
    now: query.now,
    formatMask: formats.reduce((mask, format) => mask | formatBit(format), 0),
    keyword: words.length > 0 ? keywordQuery(words) : undefined,
    seekerOffset,
    seed: querySeed(query.seekerId, query.now),
    daySeed: daySeed(query.now),
    point: undefined,
    demand: searchDemand(demand, query.guildId, query.seekerId, query.now, query.now - FAIRNESS_WINDOW_MS),
    zones: index.zones,
    offsets: [],
    // Read only when the seeker gave a zone.
    bands: seekerOffset === undefined ? NO_BANDS : new Int8Array(index.zones.length).fill(-1),
  };
}

/** The distinct words of a cleaned keyword, split at spaces and commas. */
function keywordWords(keyword: string): string[] {
  if (!keyword.includes(" ") && !keyword.includes(",")) return keyword ? [keyword] : [];
  return [...new Set(keyword.split(/[\s,]+/))].filter(Boolean);
}

function nearbyTypes(index: MentorIndex, type: LibraryTypeSlug, context: RankContext): NearbyType[] {
  const nearby: NearbyType[] = [];
  for (const slug of RELATED_TYPES[type]) {
    if (nearby.length === MAX_NEARBY) break;
    const bucket = index.bucket(context.guildId, slug);
    const count = bucket ? countMatches(bucket, context) : 0;
    if (count > 0) nearby.push({ type: slug, name: getLibraryType(slug).name, count });
  }
  return nearby;
}
