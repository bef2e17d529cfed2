import { UserError } from "../../domain/errors.js";
import { isTrailLevel, TRAIL_LEVELS, type TrailLevel } from "./trail.js";

/** How one server runs mentoring. Moderators change it; everything else only reads it. */
export interface GuildSettings {
  /** Where private threads go when a librarian's DMs are closed. */
  mentoringChannelId?: string;
  /** Where moderators see reports and notices. */
  logChannelId?: string;
  maxPendingPerSeeker: number;
  sameMentorCooldownDays: number;
  autoPauseAfterExpiries: number;
  /** No-shows within NO_SHOW_WINDOW that pause a librarian or stop a seeker asking (for NO_SHOW_STOP). */
  noShowsBeforePause: number;
  /** Which events get a line in the log channel. */
  trail: TrailLevel;
  /** Moderators were told once that no mentoring channel is set. */
  toldNoMentoringChannel: boolean;
}

export const DEFAULT_GUILD_SETTINGS: Readonly<GuildSettings> = Object.freeze({
  maxPendingPerSeeker: 3,
  sameMentorCooldownDays: 90,
  autoPauseAfterExpiries: 3,
  noShowsBeforePause: 2,
  trail: "all",
  toldNoMentoringChannel: false,
});

type NumericSetting =
  | "maxPendingPerSeeker"
  | "sameMentorCooldownDays"
  | "autoPauseAfterExpiries"
  | "noShowsBeforePause";

export const NUMERIC_SETTINGS: Record<NumericSetting, { label: string; min: number; max: number }> = {
  maxPendingPerSeeker: { label: "Pending requests per seeker", min: 1, max: 10 },
  sameMentorCooldownDays: { label: "Days before asking the same librarian again", min: 0, max: 365 },
  autoPauseAfterExpiries: { label: "Unanswered requests in a row before a pause", min: 1, max: 10 },
  noShowsBeforePause: { label: "No-shows before a pause", min: 1, max: 10 },
};

/** A change as a moderator makes it. `null` clears a channel; numbers may arrive as typed text. */
export interface GuildSettingsPatch {
  mentoringChannelId?: string | null;
  logChannelId?: string | null;
  maxPendingPerSeeker?: number | string;
  sameMentorCooldownDays?: number | string;
  autoPauseAfterExpiries?: number | string;
  noShowsBeforePause?: number | string;
  trail?: string;
  toldNoMentoringChannel?: boolean;
}

const SNOWFLAKE = /^\d{17,20}$/;

/** `current` with `patch` applied, or a {@link UserError} naming the first bad value. */
export function applySettingsPatch(current: GuildSettings, patch: GuildSettingsPatch): GuildSettings {
  const next: GuildSettings = { ...current };
  for (const field of ["mentoringChannelId", "logChannelId"] as const) {
    const value = patch[field];
    if (value === undefined) continue;
    if (value === null) {
      delete next[field];
    } else if (!SNOWFLAKE.test(value)) {
      const label = field === "logChannelId" ? "Log channel" : "Mentoring channel";
      throw new UserError(`${label} must be a channel id (17 to 20 digits).`);
    } else {
      next[field] = value;
    }
  }
  // A newly chosen mentoring channel means any earlier "no channel" notice no longer applies.
  if (patch.mentoringChannelId && patch.mentoringChannelId !== current.mentoringChannelId) {
    next.toldNoMentoringChannel = false;
  }
  for (const field of Object.keys(NUMERIC_SETTINGS) as NumericSetting[]) {
    const raw = patch[field];
    if (raw !== undefined) next[field] = wholeNumber(raw, NUMERIC_SETTINGS[field]);
  }
  if (patch.trail !== undefined) {
    if (!isTrailLevel(patch.trail)) throw new UserError(`Trail must be one of: ${TRAIL_LEVELS.join(", ")}.`);
    next.trail = patch.trail;
  }
  if (patch.toldNoMentoringChannel !== undefined) next.toldNoMentoringChannel = patch.toldNoMentoringChannel;
  return next;
}

function wholeNumber(raw: number | string, rule: { label: string; min: number; max: number }): number {
  const value = typeof raw === "string" && raw.trim() !== "" ? Number(raw) : raw;
  if (typeof value !== "number" || !Number.isInteger(value) || value < rule.min || value > rule.max) {
    throw new UserError(`${rule.label} must be a whole number from ${rule.min} to ${rule.max}.`);
  }
  return value;
}

/** A stored record with defaults for any field it lacks (for records written by older versions). */
export const withDefaults = (stored: Partial<GuildSettings> | undefined): GuildSettings => ({
  ...DEFAULT_GUILD_SETTINGS,
  ...stored,
});
