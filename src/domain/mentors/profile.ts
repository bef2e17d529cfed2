import { ValidationError } from "../errors.js";
import { assertId } from "../ids.js";
import { type LibraryTypeSlug, resolveLibraryType } from "../library-types.js";
import {
  type AwayRange,
  formatAwayDates,
  formatWeeklyWindows,
  parseAwayDates,
  parseWeeklyWindows,
  type WeeklyWindow,
} from "./availability.js";
import { parseTimeZone, type TimeZone } from "./timezone.js";
import { characterCount, integerInRange, optionalText, requiredText, textList } from "./validation.js";

export const MEETING_FORMATS = ["video", "phone", "text", "in-person"] as const;
export type MeetingFormat = (typeof MEETING_FORMATS)[number];

export const PROFILE_LIMITS = {
  displayName: 100,
  role: 100,
  institution: 100,
  region: 60,
  topic: 40,
  topics: 10,
  careerMoves: 200,
  bio: 500,
  pauseReason: 200,
  minCapacity: 1,
  maxCapacity: 10,
  defaultCapacity: 2,
} as const;

/** What a librarian tells us about themselves; everything they can change with an edit. */
export interface MentorDetails {
  displayName: string;
  /** In the order given; the first is the one they know best. */
  libraryTypes: LibraryTypeSlug[];
  role: string;
  institution?: string;
  region: string;
  timeZone: TimeZone;
  formats: MeetingFormat[];
  /** Trimmed, lower case, no duplicates. */
  topics: string[];
  careerMoves?: string;
  bio: string;
  /** How many interviews a calendar month they are willing to take. */
  monthlyCapacity: number;
  /** Topics they would rather not discuss; the seeker's agenda builder shows them. */
  avoidTopics?: string[];
  /** When they are usually free, in their own time zone; the interview's time picker offers slots in them. */
  weeklyWindows?: WeeklyWindow[];
  /** Days no slot is offered, in their own calendar. */
  awayDates?: AwayRange[];
}

export interface MentorProfile extends MentorDetails {
  guildId: string;
  userId: string;
  /** Set while paused; with no `pausedUntil` the pause lasts until they resume. */
  pausedAt?: number;
  pausedUntil?: number;
  pauseReason?: string;
  joinedAt: number;
  updatedAt: number;
}

/** What the command layer passes in: options and modal fields as typed. */
export interface ProfileInput {
  guildId: string;
  userId: string;
  displayName: string;
  libraryTypes: string | string[];
  role: string;
  institution?: string;
  region: string;
  timeZone: string;
  formats: string | string[];
  topics?: string | string[];
  careerMoves?: string;
  bio: string;
  monthlyCapacity?: number | string;
  /** As typed ("Tue 14:00-16:00, Thu 10:00-12:00") or as stored. */
  weeklyWindows?: string | readonly WeeklyWindow[];
  /** As typed ("2027-03-15, 2027-04-01 to 2027-04-10") or as stored. */
  awayDates?: string | readonly AwayRange[];
  avoidTopics?: string | string[];
}

export type ValidProfileInput = MentorDetails & Pick<MentorProfile, "guildId" | "userId">;

export const isPaused = (profile: MentorProfile, now: number): boolean =>
  profile.pausedUntil !== undefined ? profile.pausedUntil > now : profile.pausedAt !== undefined;

/** The clean profile fields from raw input, or a {@link ValidationError} naming the first bad field. */
export function validateProfileInput(raw: unknown): ValidProfileInput {
  if (typeof raw !== "object" || raw === null) throw new ValidationError("profile", "No profile was given.");
  const input = raw as Record<string, unknown>;
  const text = (
    field: keyof typeof PROFILE_LIMITS & keyof ProfileInput,
    label: string,
    multiline = false,
  ) => ({
    field,
    label,
    max: PROFILE_LIMITS[field],
    multiline,
  });
  // Checked in the order the fields are asked for, so the first complaint is about the first mistake.
  const guildId = assertId(input.guildId, "guildId");
  const userId = assertId(input.userId, "userId");
  const displayName = requiredText(input.displayName, text("displayName", "Display name"));
  const libraryTypes = parseLibraryTypes(input.libraryTypes);
  const role = requiredText(input.role, text("role", "Role"));
  const institution = optionalText(input.institution, text("institution", "Institution"));
  const region = requiredText(input.region, text("region", "Region"));
  const timeZone = parseRequiredTimeZone(input.timeZone);
  const formats = parseFormats(input.formats);
  const topics = parseTopics(input.topics);
  const careerMoves = optionalText(input.careerMoves, text("careerMoves", "Career moves"));
  const bio = requiredText(input.bio, text("bio", "Bio", true));
  const monthlyCapacity = parseCapacity(input.monthlyCapacity);
  const weeklyWindows = parseStoredOrTyped(
    input.weeklyWindows,
    "weeklyWindows",
    formatWeeklyWindows,
    parseWeeklyWindows,
  );
  const awayDates = parseStoredOrTyped(input.awayDates, "awayDates", formatAwayDates, parseAwayDates);
  const avoidTopics = parseTopics(input.avoidTopics, "avoidTopics", "Topics you'd rather not discuss");
  return {
    guildId,
    userId,
    displayName,
    libraryTypes,
    role,
    ...(institution === undefined ? {} : { institution }),
    region,
    timeZone,
    formats,
    topics,
    ...(careerMoves === undefined ? {} : { careerMoves }),
    bio,
    monthlyCapacity,
    ...(avoidTopics.length ? { avoidTopics } : {}),
    ...(weeklyWindows.length ? { weeklyWindows } : {}),
    ...(awayDates.length ? { awayDates } : {}),
  };
}

/** A list typed in a form, or one stored earlier (checked again the same way, by writing it out). */
function parseStoredOrTyped<T>(
  raw: unknown,
  field: string,
  format: (items: readonly T[]) => string,
  parse: (text: string) => T[],
): T[] {
  if (raw === undefined || raw === null) return [];
  if (typeof raw === "string") return parse(raw);
  if (!Array.isArray(raw)) throw new ValidationError(field, "Expected text or a list.");
  try {
    return parse(format(raw as T[]));
  } catch (error) {
    if (error instanceof ValidationError) throw error;
    throw new ValidationError(field, "The stored list is not valid.");
  }
}

const quote = (text: string): string => `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;

export function parseLibraryTypes(raw: unknown): LibraryTypeSlug[] {
  const slugs = new Set<LibraryTypeSlug>();
  for (const name of textList(raw, "libraryTypes", "Library types")) {
    slugs.add(resolveLibraryType(name).slug);
  }
  if (slugs.size === 0) throw new ValidationError("libraryTypes", "Choose at least one library type.");
  return [...slugs];
}

export function parseFormats(raw: unknown): MeetingFormat[] {
  const chosen = new Set<MeetingFormat>();
  for (const name of textList(raw, "formats", "Formats")) {
    const letters = name.toLowerCase().replace(/[^a-z]/g, "");
    const format = MEETING_FORMATS.find((candidate) => candidate.replace("-", "") === letters);
    if (!format) {
      throw new ValidationError(
        "formats",
        `Unknown format ${quote(name)}. Choose from: ${MEETING_FORMATS.join(", ")}.`,
      );
    }
    chosen.add(format);
  }
  if (chosen.size === 0) throw new ValidationError("formats", "Choose at least one format.");
  return MEETING_FORMATS.filter((format) => chosen.has(format));
}

export function parseTopics(raw: unknown, field = "topics", label = "Topics"): string[] {
  const topics = [...new Set(textList(raw, field, label).map((topic) => topic.toLowerCase()))];
  for (const topic of topics) {
    const length = characterCount(topic);
    if (length > PROFILE_LIMITS.topic) {
      throw new ValidationError(
        field,
        `Topic ${quote(topic)} is ${length} characters; the limit is ${PROFILE_LIMITS.topic}.`,
      );
    }
  }
  if (topics.length > PROFILE_LIMITS.topics) {
    throw new ValidationError(
      field,
      `You listed ${topics.length} ${label.toLowerCase()}; the limit is ${PROFILE_LIMITS.topics}.`,
    );
  }
  return topics;
}

function parseRequiredTimeZone(raw: unknown): TimeZone {
  if (raw === undefined || raw === null || (typeof raw === "string" && raw.trim() === "")) {
    throw new ValidationError("timeZone", "Time zone is required.");
  }
  if (typeof raw !== "string") throw new ValidationError("timeZone", "Time zone must be text.");
  return parseTimeZone(raw);
}

function parseCapacity(raw: unknown): number {
  if (raw === undefined || raw === null || raw === "") return PROFILE_LIMITS.defaultCapacity;
  const { minCapacity, maxCapacity } = PROFILE_LIMITS;
  return integerInRange(raw, "monthlyCapacity", "Monthly capacity", minCapacity, maxCapacity);
}
