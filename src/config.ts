import ms from "ms";
import { z } from "zod";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
const SNOWFLAKE = /^\d{17,20}$/;

export class ConfigError extends Error {
  override name = "ConfigError";
}

const optionalText = z
  .string()
  .trim()
  .transform((value) => value || undefined)
  .optional();

const snowflake = optionalText.refine((value) => value === undefined || SNOWFLAKE.test(value), {
  message: "must be a Discord id: 17 to 20 digits (Developer Mode → right click → Copy ID)",
});

/** A duration such as `30s`, `15m`, `36h` or `7d`, in milliseconds. */
export const duration = (fallback: string) =>
  optionalText.transform((value, context) => {
    const parsed = ms((value ?? fallback) as ms.StringValue);
    if (typeof parsed !== "number" || !Number.isFinite(parsed) || parsed <= 0) {
      context.addIssue({
        code: "custom",
        message: `must be a duration such as 30s, 15m, 36h or 7d, got "${value}"`,
      });
      return z.NEVER;
    }
    return parsed;
  });

/**
 * Why `url` cannot be a DATABASE_URL, or undefined when it can. Never quotes the URL, which may hold a
 * password.
 */
function databaseUrlProblem(url: string): string | undefined {
  if (/^(sqlite:\/\/.+|memory:\/\/)$/.test(url)) return undefined;
  const usage =
    "must look like sqlite://data/reference-desk.sqlite or postgres://user:password@host:5432/database";
  if (!/^postgres(ql)?:\/\//.test(url)) return `${usage} (it starts with "${url.split(":")[0]}:")`;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `${usage} (it is not a valid URL; a password with special characters must be percent-encoded)`;
  }
  if (!parsed.hostname) return `${usage} (it names no host)`;
  const schema = parsed.searchParams.get("schema");
  if (schema !== null && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    return "has a schema= parameter that is not a plain name: lower-case letters, digits and _";
  }
  return undefined;
}
/** A comma-separated list of durations such as `24h,1h`, longest first, in milliseconds. */
export const durations = (fallback: string) =>
  optionalText.transform((value, context) => {
    const parts = (value ?? fallback).split(",").map((part) => part.trim());
    const parsed = parts.map((part) => ms(part as ms.StringValue));
    if (parsed.some((each) => typeof each !== "number" || !Number.isFinite(each) || each <= 0)) {
      context.addIssue({
        code: "custom",
        message: `must be durations separated by commas, such as 24h,1h, got "${value}"`,
      });
      return z.NEVER;
    }
    return [...new Set(parsed)].sort((a, b) => b - a);
  });

/** `auto` (ask Discord) or a whole number of shards; 1 (one process, no ShardingManager) when unset. */
const shardCount = optionalText.transform((value, context): number | "auto" => {
  if (value === undefined) return 1;
  if (value === "auto") return value;
  if (/^[1-9]\d*$/.test(value)) return Number(value);
  context.addIssue({
    code: "custom",
    message: `must be auto or a whole number of shards (1 or more), got "${value}"`,
  });
  return z.NEVER;
});

/** Shard ids this machine runs, such as `0,1`; all of them when unset. */
const shardList = optionalText.transform((value, context): number[] | undefined => {
  if (value === undefined) return undefined;
  if (/^\d+(\s*,\s*\d+)*$/.test(value))
    return [...new Set(value.split(",").map(Number))].sort((a, b) => a - b);
  context.addIssue({
    code: "custom",
    message: `must list shard ids separated by commas, such as 0,1, got "${value}"`,
  });
  return z.NEVER;
});

const schema = z.object({
  DISCORD_TOKEN: optionalText,
  DISCORD_CLIENT_ID: snowflake,
  DISCORD_GUILD_ID: snowflake,
  DISCORD_API_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
  DATABASE_URL: optionalText.superRefine((value, context) => {
    const problem = value === undefined ? undefined : databaseUrlProblem(value);
    if (problem) context.addIssue({ code: "custom", message: problem });
  }),
  LOG_LEVEL: optionalText.pipe(z.enum(LOG_LEVELS).optional()),
  FEED_POLL_INTERVAL: duration("15m"),
  FEED_ALLOW_PRIVATE_HOSTS: optionalText.pipe(z.enum(["true", "false"]).optional()),
  REQUEST_EXPIRY: duration("7d"),
  MEETING_REMINDERS: durations("24h,1h"),
  FIRST_CONTACT_NUDGE: duration("72h"),
  UNSCHEDULED_CLOSE: duration("14d"),
  ATTENDANCE_CHECK: duration("2h"),
  LATE_CANCEL_WINDOW: duration("3h"),
  NO_SHOW_WINDOW: duration("90d"),
  NO_SHOW_STOP: duration("30d"),
  SLOT_HORIZON: duration("14d"),
  SHARD_COUNT: shardCount,
  SHARDS: shardList,
});

export interface Config {
  token: string | undefined;
  clientId: string | undefined;
  guildId: string | undefined;
  apiUrl: string;
  databaseUrl: string;
  logLevel: (typeof LOG_LEVELS)[number];
  feedPollIntervalMs: number;
  feedAllowPrivateHosts: boolean;
  requestExpiryMs: number;
  /** How long before an agreed start each reminder goes out, longest first. */
  meetingRemindersMs: number[];
  /** After Accept with no agreed time: when both are nudged. */
  firstContactNudgeMs: number;
  /** After Accept with still no agreed time: when the interview is closed as not held. */
  unscheduledCloseMs: number;
  /** After the agreed start: when both are asked whether it happened. */
  attendanceCheckMs: number;
  /** A cancel this close to the agreed start (or after it) counts as late. */
  lateCancelMs: number;
  /** How far back no-shows count towards a pause or stop. */
  noShowWindowMs: number;
  /** How long a seeker may not send requests after too many no-shows. */
  noShowStopMs: number;
  /** How far ahead the time picker offers slots. */
  slotHorizonMs: number;
  /** Shards over every process and machine: 1 runs the bot in this process, more under a ShardingManager. */
  shardCount: number | "auto";
  /** The shards this machine runs; undefined for all of them. */
  shards: number[] | undefined;
}

export const TOKEN_HELP =
  "Create an application at https://discord.com/developers/applications, open Bot → Reset Token, " +
  "and put the token in .env as DISCORD_TOKEN=... (copy .env.example). " +
  "To try the bot without a token, run `npm run sandbox`: it needs no token and no network.";

/**
 * Reads the bot's settings from `env` once. Every problem is reported together, each naming its
 * variable; values are never echoed for the token.
 */
export function loadConfig(
  env: NodeJS.ProcessEnv,
  required: readonly ("DISCORD_TOKEN" | "DISCORD_CLIENT_ID")[] = [],
): Config {
  const parsed = schema.safeParse(env);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${String(issue.path[0])} ${issue.message}`);
  }
  for (const name of required) {
    if (!env[name]?.trim()) {
      problems.push(
        name === "DISCORD_TOKEN" ? `DISCORD_TOKEN is not set. ${TOKEN_HELP}` : describeMissing(name),
      );
    }
  }
  if (parsed.success) {
    const count = env.SHARD_COUNT?.trim() ? parsed.data.SHARD_COUNT : undefined;
    problems.push(...shardProblems(count, parsed.data.SHARDS));
  }
  if (problems.length > 0 || !parsed.success) {
    throw new ConfigError(
      `Configuration problem${problems.length > 1 ? "s" : ""}:\n- ${problems.join("\n- ")}`,
    );
  }
  const values = parsed.data;
  return {
    token: values.DISCORD_TOKEN,
    clientId: values.DISCORD_CLIENT_ID,
    guildId: values.DISCORD_GUILD_ID,
    apiUrl: (values.DISCORD_API_URL ?? "https://discord.com/api").replace(/\/+$/, ""),
    databaseUrl: values.DATABASE_URL ?? "sqlite://data/reference-desk.sqlite",
    logLevel: values.LOG_LEVEL ?? "info",
    feedPollIntervalMs: values.FEED_POLL_INTERVAL,
    feedAllowPrivateHosts: values.FEED_ALLOW_PRIVATE_HOSTS === "true",
    requestExpiryMs: values.REQUEST_EXPIRY,
    meetingRemindersMs: values.MEETING_REMINDERS,
    firstContactNudgeMs: values.FIRST_CONTACT_NUDGE,
    unscheduledCloseMs: values.UNSCHEDULED_CLOSE,
    attendanceCheckMs: values.ATTENDANCE_CHECK,
    lateCancelMs: values.LATE_CANCEL_WINDOW,
    noShowWindowMs: values.NO_SHOW_WINDOW,
    noShowStopMs: values.NO_SHOW_STOP,
    slotHorizonMs: values.SLOT_HORIZON,
    shardCount: values.SHARD_COUNT,
    shards: values.SHARDS,
  };
}

/** SHARDS only makes sense against a known total, and every id must be below it. */
function shardProblems(count: number | "auto" | undefined, shards: number[] | undefined): string[] {
  if (shards === undefined) return [];
  if (count === undefined || count === "auto")
    return [
      "SHARDS needs SHARD_COUNT set to a number: the total of shards over every machine, the same on each (auto could differ from one machine to the next)",
    ];
  const tooHigh = shards.filter((id) => id >= count);
  if (tooHigh.length === 0) return [];
  return [
    `SHARDS lists ${tooHigh.join(", ")}, but with SHARD_COUNT=${count} shard ids go from 0 to ${count - 1}`,
  ];
}

function describeMissing(name: string): string {
  return `${name} is not set. It is the Application ID on the General Information page of your application at https://discord.com/developers/applications.`;
}
