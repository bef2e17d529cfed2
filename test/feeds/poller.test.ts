import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { itemNonce } from "../../src/domain/feeds/dedupe.js";
import { FeedPoller, type FeedPollerOptions } from "../../src/domain/feeds/poller.js";
import type { FeedRecord } from "../../src/domain/feeds/records.js";
import { FeedService } from "../../src/domain/feeds/service.js";
import { createStore, type Store } from "../../src/store/store.js";
import { describeEachBackend } from "../support/stores.js";
import {
  conditional,
  FakeChannel,
  FakeClock,
  numbered,
  rss,
  startServer,
  type TestItem,
  type TestServer,
} from "./helpers.js";

const MINUTE = 60_000;
const INTERVAL = 15 * MINUTE;

let server: TestServer;
/** What each feed path currently lists; tests change it to publish items. */
const feeds = new Map<string, TestItem[]>();
let served = 0;

beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

function serveFeed(name: string, items: TestItem[], options?: Parameters<typeof conditional>[1]): string {
  const route = `/${name}.xml`;
  feeds.set(route, items);
  server.route(
    route,
    conditional(() => rss(feeds.get(route) ?? []), options),
  );
  return server.url(route);
}

const publish = (url: string, items: TestItem[]) => feeds.set(new URL(url).pathname, items);

interface Bot {
  store: Store;
  service: FeedService;
  poller: FeedPoller;
}

let clock: FakeClock;
let channel: FakeChannel;
const stores: Store[] = [];

beforeEach(() => {
  clock = new FakeClock();
  channel = new FakeChannel();
  served += 1;
});

afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
});

async function startBot(storeUrl = "memory://", options: Partial<FeedPollerOptions> = {}): Promise<Bot> {
  const store = await createStore({ url: storeUrl });
  stores.push(store);
  const service = new FeedService(store, { config: { allowPrivateHosts: true }, now: clock.now });
  const poller = new FeedPoller(service, { post: channel.post, ...options });
  return { store, service, poller };
}

async function follow(bot: Bot, url: string, extra: { backfill?: boolean; keywords?: string[] } = {}) {
  const result = await bot.service.add({ guildId: "g1", channelId: "c1", url, addedBy: "u1", ...extra });
  return result.feed;
}

/** Moves the clock to the feed's next attempt and polls what is due. */
async function nextCycle(bot: Bot, feed: FeedRecord) {
  const current = await bot.service.get(feed.guildId, feed.id);
  clock.time = Math.max(clock.time, current?.nextAttemptAt ?? clock.time);
  return bot.poller.pollDue();
}

describe("first run", () => {
  it("posts nothing for the items a new feed already has", async () => {
    const bot = await startBot();
    const url = serveFeed(`first-${served}`, numbered(1, 4));
    const feed = await follow(bot, url);
    expect(await bot.poller.pollDue()).toEqual([]);
    const [result] = await nextCycle(bot, feed);
    expect(result).toMatchObject({ outcome: "not-modified", posted: 0 });
    expect(channel.messages).toEqual([]);

    publish(url, numbered(1, 5));
    const [changed] = await nextCycle(bot, feed);
    expect(changed).toMatchObject({ outcome: "updated", posted: 1 });
    expect(channel.itemIds).toEqual(["item-5"]);
  });

  it("with backfill, posts only the newest item, at once", async () => {
    const bot = await startBot();
    const url = serveFeed(`backfill-${served}`, numbered(1, 4));
    const feed = await follow(bot, url, { backfill: true });
    await bot.poller.pollDue();
    expect(channel.itemIds).toEqual(["item-4"]);
    const [later] = await nextCycle(bot, feed);
    expect(later).toMatchObject({ outcome: "not-modified" });
    expect(channel.itemIds).toEqual(["item-4"]);
    expect((await bot.service.get("g1", feed.id))?.itemsPosted).toBe(1);
  });
});

describe("posting", () => {
  it("posts at most 5 items a cycle, oldest first, and the rest next cycle", async () => {
    const bot = await startBot();
    const url = serveFeed(`burst-${served}`, numbered(1, 2));
    const feed = await follow(bot, url);
    publish(url, numbered(1, 9));

    const [first] = await nextCycle(bot, feed);
    expect(first).toMatchObject({ outcome: "updated", posted: 5 });
    expect(channel.itemIds).toEqual(["item-3", "item-4", "item-5", "item-6", "item-7"]);
    // The server's ETag did not change, yet the next cycle must still see the two left over.
    const [second] = await nextCycle(bot, feed);
    expect(second).toMatchObject({ outcome: "updated", posted: 2 });
    expect(channel.itemIds).toEqual(["item-3", "item-4", "item-5", "item-6", "item-7", "item-8", "item-9"]);
    const [third] = await nextCycle(bot, feed);
    expect(third).toMatchObject({ outcome: "not-modified", posted: 0 });
    expect((await bot.service.get("g1", feed.id))?.itemsPosted).toBe(7);
  });

  it("never posts an item twice when it is re-ordered, re-fetched or edited", async () => {
    const bot = await startBot();
    const url = serveFeed(`edits-${served}`, numbered(1, 3), { etag: false, lastModified: false });
    const feed = await follow(bot, url);
    publish(url, numbered(1, 4));
    await nextCycle(bot, feed);
    expect(channel.itemIds).toEqual(["item-4"]);

    publish(url, [
      { id: "item-2", minute: 2 },
      { id: "item-4", minute: 4, title: "Item 4 (updated)", description: "Now with a summary" },
      { id: "item-1", minute: 1 },
      { id: "item-3", minute: 3 },
    ]);
    const [result] = await nextCycle(bot, feed);
    expect(result).toMatchObject({ outcome: "updated", posted: 0 });
    await nextCycle(bot, feed);
    expect(channel.itemIds).toEqual(["item-4"]);
  });

  it("posts only items matching the feed's keywords, in title or summary, any case", async () => {
    const bot = await startBot();
    const url = serveFeed(`keywords-${served}`, numbered(1, 1));
    const feed = await follow(bot, url, { keywords: ["archivist", "Metadata"] });
    publish(url, [
      { id: "k4", minute: 40, title: "Bake sale" },
      { id: "k3", minute: 30, title: "Digital ARCHIVIST (remote)" },
      { id: "k2", minute: 20, title: "Cataloguer", description: "<p>Strong <b>metadata</b> skills</p>" },
      { id: "k1", minute: 10, title: "Story time volunteers" },
      ...numbered(1, 1),
    ]);
    await nextCycle(bot, feed);
    expect(channel.itemIds).toEqual(["k2", "k3"]);
    expect((await bot.service.get("g1", feed.id))?.seenIds).toEqual(expect.arrayContaining(["k1", "k4"]));
  });

  it("passes a deterministic nonce per guild, feed and item", async () => {
    const bot = await startBot();
    const url = serveFeed(`nonce-${served}`, numbered(1, 1));
    const feed = await follow(bot, url);
    publish(url, numbered(1, 2));
    await nextCycle(bot, feed);
    expect(channel.messages[0]?.nonce).toBe(itemNonce("g1", feed.id, "item-2"));
  });

  it("keeps an item whose post failed unseen, and posts it next cycle", async () => {
    const bot = await startBot();
    const url = serveFeed(`postfail-${served}`, numbered(1, 1));
    const feed = await follow(bot, url);
    publish(url, numbered(1, 3));
    channel.failWith = new Error("Missing Permissions");
    const [failed] = await nextCycle(bot, feed);
    expect(failed).toMatchObject({
      outcome: "failed",
      posted: 0,
      error: "could not post: Missing Permissions",
    });
    const stored = await bot.service.get("g1", feed.id);
    expect(stored?.seenIds).not.toContain("item-2");
    expect(stored?.consecutiveFailures).toBe(1);

    channel.failWith = undefined;
    const [retried] = await nextCycle(bot, feed);
    expect(retried).toMatchObject({ outcome: "updated", posted: 2 });
    expect(channel.itemIds).toEqual(["item-2", "item-3"]);
  });
});

describeEachBackend("restarts", (backend) => {
  it("remembers what was posted across a restart on the same store", async () => {
    const storeUrl = backend.freshUrl();
    const url = serveFeed(`restart-${served}`, numbered(1, 2), { etag: false, lastModified: false });
    const before = await startBot(storeUrl);
    const feed = await follow(before, url);
    publish(url, numbered(1, 4));
    await nextCycle(before, feed);
    expect(channel.itemIds).toEqual(["item-3", "item-4"]);
    await before.poller.stop();
    await before.store.close();
    stores.splice(stores.indexOf(before.store), 1);

    const after = await startBot(storeUrl);
    expect((await after.service.list("g1")).map((record) => record.id)).toEqual([feed.id]);
    publish(url, [...numbered(1, 4)].reverse());
    await nextCycle(after, feed);
    expect(channel.itemIds).toEqual(["item-3", "item-4"]);
    publish(url, numbered(1, 5));
    await nextCycle(after, feed);
    expect(channel.itemIds).toEqual(["item-3", "item-4", "item-5"]);
  });

  it("re-posts with the same nonce after a crash between posting and saving, and Discord drops the copy", async () => {
    const storeUrl = backend.freshUrl();
    const url = serveFeed(`crash-${served}`, numbered(1, 1));
    const crashing = await startBot(storeUrl, {
      // Discord accepts the message, then the process dies before the item is marked seen.
      post: async (feed, item, nonce) => {
        await channel.post(feed, item, nonce);
        await new Promise(() => {});
      },
    });
    const feed = await follow(crashing, url);
    publish(url, numbered(1, 2));
    const current = await crashing.service.get("g1", feed.id);
    clock.time = current?.nextAttemptAt ?? clock.time;
    void crashing.poller.pollDue();
    await vitestWaitFor(() => channel.calls.length === 1);

    const restarted = await startBot(storeUrl);
    const [result] = await restarted.poller.pollDue();
    expect(result).toMatchObject({ outcome: "updated", posted: 1 });
    const nonce = itemNonce("g1", feed.id, "item-2");
    expect(channel.calls).toEqual([nonce, nonce]);
    expect(channel.itemIds).toEqual(["item-2"]);
    expect((await restarted.service.get("g1", feed.id))?.seenIds).toContain("item-2");
  });
});

describe("failures", () => {
  it("backs off exponentially, capped, and disables the feed after 10 failures in a row", async () => {
    const disabled: Array<[string, string]> = [];
    const bot = await startBot("memory://", {
      onFeedDisabled: (feed, reason) => {
        disabled.push([feed.id, reason]);
      },
    });
    const route = `/flaky-${served}.xml`;
    let status = 200;
    server.route(route, (request, response) => {
      if (status !== 200) response.writeHead(status).end();
      else conditional(() => rss(numbered(1, 2)))(request, response);
    });
    const feed = await follow(bot, server.url(route));
    status = 500;

    const delays: number[] = [];
    for (let attempt = 1; attempt <= 10; attempt++) {
      const [result] = await nextCycle(bot, feed);
      expect(result).toMatchObject({ outcome: "failed", error: "HTTP 500" });
      const stored = await bot.service.get("g1", feed.id);
      expect(stored?.consecutiveFailures).toBe(attempt);
      delays.push(((stored?.nextAttemptAt ?? 0) - clock.time) / MINUTE);
    }
    expect(delays).toEqual([15, 30, 60, 120, 240, 360, 360, 360, 360, 360]);
    const stored = await bot.service.get("g1", feed.id);
    expect(stored).toMatchObject({ state: "disabled", lastError: "HTTP 500", lastErrorAt: clock.time });
    expect(disabled).toEqual([[feed.id, "HTTP 500"]]);

    const requests = server.requests.length;
    clock.advance(24 * 60 * MINUTE);
    expect(await bot.poller.pollDue()).toEqual([]);
    expect(server.requests.length).toBe(requests);

    status = 200;
    await bot.service.resume("g1", feed.id);
    const [recovered] = await bot.poller.pollDue();
    expect(recovered?.outcome).toMatch(/updated|not-modified/);
    expect(await bot.service.get("g1", feed.id)).toMatchObject({ state: "active", consecutiveFailures: 0 });
  });

  it("waits as long as a 429 or 503 asks with Retry-After, up to a day, and never less than the backoff", async () => {
    const bot = await startBot();
    const route = `/busy-${served}.xml`;
    let answer: { status: number; retryAfter?: string } | undefined;
    server.route(route, (request, response) => {
      if (!answer) return conditional(() => rss(numbered(1, 1)))(request, response);
      const headers = answer.retryAfter === undefined ? {} : { "retry-after": answer.retryAfter };
      response.writeHead(answer.status, headers).end();
    });
    const feed = await follow(bot, server.url(route));
    const delayAfter = async (next: typeof answer) => {
      answer = next;
      const [result] = await nextCycle(bot, feed);
      expect(result).toMatchObject({ outcome: "failed", error: `HTTP ${next?.status}` });
      const stored = await bot.service.get("g1", feed.id);
      return ((stored?.nextAttemptAt ?? 0) - clock.time) / MINUTE;
    };
    // Failures 1 to 5 back off 15, 30, 60, 120 and 240 minutes unless the site asks for more.
    expect(await delayAfter({ status: 429, retryAfter: "7200" })).toBe(120);
    const inThreeHours = new Date(Date.now() + 180 * MINUTE).toUTCString();
    expect(await delayAfter({ status: 503, retryAfter: inThreeHours })).toBeCloseTo(180, 1);
    expect(await delayAfter({ status: 429, retryAfter: "999999" })).toBe(24 * 60);
    expect(await delayAfter({ status: 500, retryAfter: "7200" })).toBe(120);
    expect(await delayAfter({ status: 429, retryAfter: "soon" })).toBe(240);
  });

  it("resets the failure count after a success", async () => {
    const bot = await startBot();
    const route = `/blip-${served}.xml`;
    let fail = false;
    server.route(route, (request, response) => {
      if (fail) response.writeHead(503).end();
      else conditional(() => rss(numbered(1, 1)))(request, response);
    });
    const feed = await follow(bot, server.url(route));
    fail = true;
    await nextCycle(bot, feed);
    await nextCycle(bot, feed);
    expect((await bot.service.get("g1", feed.id))?.consecutiveFailures).toBe(2);
    fail = false;
    await nextCycle(bot, feed);
    const stored = await bot.service.get("g1", feed.id);
    expect(stored?.consecutiveFailures).toBe(0);
    expect(stored?.nextAttemptAt).toBeGreaterThan(clock.time);
    expect(stored?.nextAttemptAt).toBeLessThanOrEqual(clock.time + INTERVAL);
  });
});

describe("scheduling", () => {
  it("spreads feeds over the interval and fetches at most 8 at once", async () => {
    const bot = await startBot();
    let active = 0;
    let peak = 0;
    const urls: string[] = [];
    for (let index = 0; index < 20; index++) {
      const route = `/many-${served}-${index}.xml`;
      const serve = conditional(() => rss(numbered(1, 1)));
      server.route(route, (request, response) => {
        active++;
        peak = Math.max(peak, active);
        setTimeout(() => {
          active--;
          serve(request, response);
        }, 20);
      });
      urls.push(server.url(route));
    }
    const added = await Promise.all(urls.map((url) => follow(bot, url)));
    const offsets = new Set(added.map((feed) => feed.nextAttemptAt));
    expect(offsets.size).toBeGreaterThan(15);
    peak = 0;
    const results = await bot.poller.runCycle();
    expect(results).toHaveLength(20);
    expect(peak).toBe(8);
  });

  it("skips paused feeds", async () => {
    const bot = await startBot();
    const url = serveFeed(`paused-${served}`, numbered(1, 1));
    const feed = await follow(bot, url);
    await bot.service.pause("g1", feed.id);
    publish(url, numbered(1, 2));
    expect(await bot.poller.runCycle()).toEqual([]);
    expect(channel.messages).toEqual([]);
  });

  it("start() polls on its own; stop() waits for the feed being posted and leaves no timer", async () => {
    const timersBefore = countTimers();
    let release: (() => void) | undefined;
    const slowPost: FeedPollerOptions["post"] = async (feed, item, nonce) => {
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      await channel.post(feed, item, nonce);
    };
    const bot = await startBot("memory://", { post: slowPost });
    const url = serveFeed(`timer-${served}`, numbered(1, 1));
    await follow(bot, url, { backfill: true });

    bot.poller.start();
    await vitestWaitFor(() => release !== undefined);
    let stopped = false;
    const stopping = bot.poller.stop().then(() => {
      stopped = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stopped).toBe(false);
    release?.();
    await stopping;
    expect(channel.itemIds).toEqual(["item-1"]);
    expect(countTimers()).toBe(timersBefore);
  });

  it("once started, polls a feed added with a backfill, or resumed, at once rather than at the next tick", async () => {
    const bot = await startBot();
    bot.poller.start();
    try {
      // The clock stands still, so no tick finds anything due after the first one.
      await new Promise((resolve) => setTimeout(resolve, 50));
      const url = serveFeed(`at-once-${served}`, numbered(1, 3));
      const feed = await follow(bot, url, { backfill: true });
      await vitestWaitFor(() => channel.messages.length > 0, 2000);
      expect(channel.itemIds).toEqual(["item-3"]);

      await bot.service.pause("g1", feed.id);
      publish(url, numbered(1, 4));
      await bot.service.resume("g1", feed.id);
      await vitestWaitFor(() => channel.messages.length > 1, 2000);
      expect(channel.itemIds).toEqual(["item-3", "item-4"]);
    } finally {
      await bot.poller.stop();
    }
  });
});

function countTimers(): number {
  return process.getActiveResourcesInfo().filter((name) => name === "Timeout").length;
}

async function vitestWaitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
