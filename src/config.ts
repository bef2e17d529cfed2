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
  FOLLOWUP_DELAY: duration("1d"),
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
  followUpDelayMs: number;
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
    followUpDelayMs: values.FOLLOWUP_DELAY,
  };
}

function describeMissing(name: string): string {
  return `${name} is not set. It is the Application ID on the General Information page of your application at https://discord.com/developers/applications.`;
}
