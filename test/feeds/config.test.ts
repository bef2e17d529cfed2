import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { feedsConfigFrom } from "../../src/domain/feeds/config.js";
import { backoffDelay, nextSlot, slotOffset } from "../../src/domain/feeds/records.js";

describe("feed settings", () => {
  it("takes the interval and the private-host switch from the bot's config", () => {
    const config = loadConfig({ FEED_POLL_INTERVAL: "5m", FEED_ALLOW_PRIVATE_HOSTS: "true" });
    expect(feedsConfigFrom(config)).toEqual({ intervalMs: 300_000, allowPrivateHosts: true });
    expect(feedsConfigFrom(loadConfig({}))).toEqual({ intervalMs: 900_000, allowPrivateHosts: false });
  });
});

describe("schedule", () => {
  const interval = 900_000;

  it("puts each feed at a fixed offset within every interval", () => {
    const url = "https://example.org/feed.xml";
    const offset = slotOffset(url, interval);
    const now = Date.UTC(2025, 2, 10, 12, 3);
    const next = nextSlot(url, now, interval);
    expect(next).toBeGreaterThan(now);
    expect(next - now).toBeLessThanOrEqual(interval);
    expect(next % interval).toBe(offset);
    expect(nextSlot(url, next, interval)).toBe(next + interval);
    expect(slotOffset("https://example.org/other.xml", interval)).not.toBe(offset);
  });

  it("doubles the wait after each failure up to the cap", () => {
    expect([1, 2, 3, 4, 5, 6, 9].map((failures) => backoffDelay(failures, 60_000, 600_000) / 60_000)).toEqual(
      [1, 2, 4, 8, 10, 10, 10],
    );
  });
});
