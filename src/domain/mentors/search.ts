import { ValidationError } from "../errors.js";
import { getLibraryType, type LibraryTypeSlug, resolveLibraryType } from "../library-types.js";
import { resolveRole } from "../roles.js";
import type { MentorDemand } from "./demand.js";
import type { Listing, MentorDirectory } from "./directory.js";
import { anyOfWords, keywordScore, keywordWords, startsTopicOrRoleWord } from "./keyword.js";
import { isPaused, type MeetingFormat, type MentorProfile, parseFormats } from "./profile.js";
import {
  byRank,
  FAIRNESS_WINDOW_MS,
  hoursApart,
  rotationKey,
  rotationSeed,
  type ScoreBreakdown,
  timeZoneBand,
} from "./ranking.js";
import { RELATED_TYPES } from "./related-types.js";
import { parseTimeZone, utcOffsetMinutes } from "./timezone.js";
import { characterCount, cleanLine } from "./validation.js";

export interface SearchQuery {
  guildId: string;
  seekerId: string;
  /** A slug, or a name or alias as typed; unknown names throw a {@link ValidationError}. */
  libraryType: string;
  /** One format, or several comma-separated meaning "any of these". */
  format?: string;
  /** Words that must each start a word in the profile; topics weigh most, then the role. */
  keyword?: string;
  /**
   * A role's slug, or a name or alias as typed: only librarians with one of the role's match words
   * starting a word of their topics or role. Unknown roles throw a {@link ValidationError}.
   */
  role?: string;
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
   * Librarians of the type who match the search: format, role, keyword, not paused, not the seeker. It is
   * counted before availability (room this month, not excluded for this seeker), so it can exceed
   * what any `limit` would list, and be > 0 with no results.
   */
  readonly total: number;
  /** Only when `results` is empty: related types with librarians matching the same search, counted as `total` is. */
  nearby?: NearbyType[];
}

export const DEFAULT_LIMIT = 5;
export const MAX_LIMIT = 25;
export const MAX_KEYWORD_LENGTH = 100;
export const MAX_NEARBY = 3;

/** What a search asks of each profile, checked and parsed once. */
interface Filter {
  seekerId: string;
  now: number;
  /** Any of these; empty for any format. */
  formats: MeetingFormat[];
  /** See {@link keywordWords}; empty without a keyword. */
  keyword: string[];
  /** Any of these must start a word of the topics or role; empty without a role. */
  roleWords: string[];
}

export function searchMentors(
  directory: MentorDirectory,
  demand: MentorDemand,
  query: SearchQuery,
): SearchResult {
  const { guildId, seekerId, now } = query;
  const type = resolveLibraryType(query.libraryType).slug;
  const limit = Math.min(Math.max(Math.trunc(query.limit ?? DEFAULT_LIMIT), 1), MAX_LIMIT);
  const keyword = keywordWords(keywordOf(query.keyword));
  const seekerZone = query.timeZone?.trim() ? parseTimeZone(query.timeZone) : undefined;
  const formats = query.format?.trim() ? parseFormats(query.format) : [];
  const roleWords = query.role?.trim() ? anyOfWords(resolveRole(query.role).matchWords) : [];
  const filter: Filter = { seekerId, now, formats, keyword, roleWords };

  const at = new Date(now);
  const seekerOffset = seekerZone === undefined ? undefined : utcOffsetMinutes(seekerZone, at);
  const available = demand.forSearch(guildId, seekerId, now, now - FAIRNESS_WINDOW_MS);
  const seed = rotationSeed(seekerId, now);
  const ranked: RankedMentor[] = [];
  let total = 0;
  for (const listing of directory.ofType(guildId, type)) {
    const fit = keywordIfMatching(listing, filter);
    if (fit < 0) continue;
    total++;
    const { profile } = listing;
    const asked = available.askedIfAvailable(profile.userId, profile.monthlyCapacity);
    if (asked < 0) continue;
    const score: ScoreBreakdown = {
      keyword: fit,
      askedLast30Days: asked,
      rotation: rotationKey(seed, profile.userId),
    };
    if (seekerOffset !== undefined) {
      const hours = hoursApart(seekerOffset, profile.timeZone, at);
      if (!Number.isNaN(hours)) score.timeZoneHours = hours;
      score.timeZoneBand = timeZoneBand(hours);
    }
    ranked.push({ profile, score });
  }
  const results = ranked.sort(byRank).slice(0, limit);
  if (results.length > 0) return { results, total };
  return { results, total, nearby: nearbyTypes(directory, guildId, type, filter) };
}

/** -1 when the filter leaves the librarian out (the seeker, paused, format, role, keyword); else their keyword score. */
function keywordIfMatching({ profile, words }: Listing, filter: Filter): number {
  if (profile.userId === filter.seekerId || isPaused(profile, filter.now)) return -1;
  if (filter.formats.length > 0 && !offersOne(profile, filter.formats)) return -1;
  if (filter.roleWords.length > 0 && !startsTopicOrRoleWord(words, filter.roleWords)) return -1;
  return filter.keyword.length > 0 ? keywordScore(words, filter.keyword) : 0;
}

function offersOne(profile: MentorProfile, formats: readonly MeetingFormat[]): boolean {
  for (const format of formats) if (profile.formats.includes(format)) return true;
  return false;
}

function nearbyTypes(
  directory: MentorDirectory,
  guildId: string,
  type: LibraryTypeSlug,
  filter: Filter,
): NearbyType[] {
  const nearby: NearbyType[] = [];
  for (const slug of RELATED_TYPES[type]) {
    if (nearby.length === MAX_NEARBY) break;
    let count = 0;
    for (const listing of directory.ofType(guildId, slug))
      if (keywordIfMatching(listing, filter) >= 0) count++;
    if (count > 0) nearby.push({ type: slug, name: getLibraryType(slug).name, count });
  }
  return nearby;
}

/** The keyword as one clean line, or a {@link ValidationError} when it is too long. */
function keywordOf(raw: string | undefined): string {
  const keyword = raw ? cleanLine(raw) : "";
  const length = characterCount(keyword);
  if (length > MAX_KEYWORD_LENGTH) {
    throw new ValidationError(
      "keyword",
      `Keyword is ${length} characters; the limit is ${MAX_KEYWORD_LENGTH}.`,
    );
  }
  return keyword;
}
