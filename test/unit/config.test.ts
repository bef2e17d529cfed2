import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";

describe("loadConfig", () => {
  it("gives defaults when only the token is set", () => {
    const config = loadConfig({ DISCORD_TOKEN: "abc" }, ["DISCORD_TOKEN"]);
    expect(config).toMatchObject({
      token: "abc",
      apiUrl: "https://discord.com/api",
      databaseUrl: "sqlite://data/reference-desk.sqlite",
      logLevel: "info",
      feedPollIntervalMs: 15 * 60_000,
      feedAllowPrivateHosts: false,
      requestExpiryMs: 7 * 86_400_000,
      meetingRemindersMs: [86_400_000, 3_600_000],
      firstContactNudgeMs: 3 * 86_400_000,
      unscheduledCloseMs: 14 * 86_400_000,
      attendanceCheckMs: 2 * 3_600_000,
    });
  });

  it("explains a missing token and points to the sandbox", () => {
    expect(() => loadConfig({}, ["DISCORD_TOKEN"])).toThrow(ConfigError);
    expect(() => loadConfig({ DISCORD_TOKEN: "  " }, ["DISCORD_TOKEN"])).toThrow(
      /DISCORD_TOKEN is not set.*developers\/applications.*npm run sandbox/s,
    );
  });

  it("names every bad variable at once and never echoes the token", () => {
    let message = "";
    try {
      loadConfig(
        {
          DISCORD_TOKEN: "super-secret-token",
          DISCORD_CLIENT_ID: "not-an-id",
          DISCORD_API_URL: "ftp://example.com",
          LOG_LEVEL: "loud",
          REQUEST_EXPIRY: "soon",
          DATABASE_URL: "mysql://reader:db-password@x/db",
        },
        ["DISCORD_TOKEN", "DISCORD_CLIENT_ID"],
      );
    } catch (error) {
      message = (error as Error).message;
    }
    for (const name of [
      "DISCORD_CLIENT_ID",
      "DISCORD_API_URL",
      "LOG_LEVEL",
      "REQUEST_EXPIRY",
      "DATABASE_URL",
    ]) {
      expect(message).toContain(name);
    }
    expect(message).toContain('must be a duration such as 30s, 15m, 36h or 7d, got "soon"');
    expect(message).not.toContain("super-secret-token");
    expect(message).toContain(
      "DATABASE_URL must look like sqlite://data/reference-desk.sqlite or postgres://",
    );
    expect(message).not.toContain("db-password");
  });

  it("takes a PostgreSQL DATABASE_URL, and explains a broken one without showing its password", () => {
    for (const url of [
      "postgres://bot:secret@db.example.com:5432/reference_desk?sslmode=verify-full",
      "postgresql://bot:secret@127.0.0.1/reference_desk?schema=desk",
    ]) {
      expect(loadConfig({ DATABASE_URL: url }).databaseUrl).toBe(url);
    }
    const problems = (url: string) => {
      try {
        loadConfig({ DATABASE_URL: url });
        return "";
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(problems("postgres://bot:secret@db.example.com/rd?schema=Bad-Name")).toMatch(
      /DATABASE_URL has a schema= parameter that is not a plain name/,
    );
    expect(problems("postgres://bot:sec ret@/rd")).toMatch(/DATABASE_URL must look like/);
    for (const url of [
      "postgres://bot:secret@db.example.com/rd?schema=Bad-Name",
      "postgres://bot:sec ret@/rd",
    ]) {
      expect(problems(url)).not.toContain("secret");
    }
  });

  it("refuses a reminder list with anything but durations, naming it", () => {
    expect(() => loadConfig({ MEETING_REMINDERS: "24h,soon" })).toThrow(
      /MEETING_REMINDERS must be durations separated by commas, such as 24h,1h, got "24h,soon"/,
    );
    expect(() => loadConfig({ ATTENDANCE_CHECK: "0s" })).toThrow(/ATTENDANCE_CHECK must be a duration/);
  });

  it("reads the meeting windows, with the old constants as defaults, and names a bad one", () => {
    expect(loadConfig({})).toMatchObject({
      lateCancelMs: 3 * 3_600_000,
      noShowWindowMs: 90 * 86_400_000,
      noShowStopMs: 30 * 86_400_000,
      slotHorizonMs: 14 * 86_400_000,
    });
    expect(
      loadConfig({ LATE_CANCEL_WINDOW: "5h", NO_SHOW_WINDOW: "60d", NO_SHOW_STOP: "1w", SLOT_HORIZON: "3d" }),
    ).toMatchObject({
      lateCancelMs: 5 * 3_600_000,
      noShowWindowMs: 60 * 86_400_000,
      noShowStopMs: 7 * 86_400_000,
      slotHorizonMs: 3 * 86_400_000,
    });
    let message = "";
    try {
      loadConfig({
        LATE_CANCEL_WINDOW: "late",
        NO_SHOW_WINDOW: "0d",
        NO_SHOW_STOP: "-1d",
        SLOT_HORIZON: "two weeks",
      });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain(
      'LATE_CANCEL_WINDOW must be a duration such as 30s, 15m, 36h or 7d, got "late"',
    );
    expect(message).toContain('NO_SHOW_WINDOW must be a duration such as 30s, 15m, 36h or 7d, got "0d"');
    expect(message).toContain('NO_SHOW_STOP must be a duration such as 30s, 15m, 36h or 7d, got "-1d"');
    expect(message).toContain('SLOT_HORIZON must be a duration such as 30s, 15m, 36h or 7d, got "two weeks"');
  });

  it("requires the client id for deploying", () => {
    expect(() => loadConfig({ DISCORD_TOKEN: "x" }, ["DISCORD_TOKEN", "DISCORD_CLIENT_ID"])).toThrow(
      /DISCORD_CLIENT_ID is not set.*Application ID/,
    );
  });

  it("reads durations, the API base and booleans", () => {
    const config = loadConfig({
      DISCORD_API_URL: "http://127.0.0.1:4000/api/",
      REQUEST_EXPIRY: "36h",
      FIRST_CONTACT_NUDGE: "30s",
      MEETING_REMINDERS: "5s, 20s,5s",
      FEED_POLL_INTERVAL: "2m",
      FEED_ALLOW_PRIVATE_HOSTS: "true",
      DISCORD_GUILD_ID: "123456789012345678",
    });
    expect(config.apiUrl).toBe("http://127.0.0.1:4000/api");
    expect(config.requestExpiryMs).toBe(36 * 3_600_000);
    expect(config.firstContactNudgeMs).toBe(30_000);
    // Longest first, each once.
    expect(config.meetingRemindersMs).toEqual([20_000, 5_000]);
    expect(config.feedPollIntervalMs).toBe(120_000);
    expect(config.feedAllowPrivateHosts).toBe(true);
    expect(config.guildId).toBe("123456789012345678");
  });
});
