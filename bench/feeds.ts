import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { FeedPoller, type PollResult } from "../src/domain/feeds/poller.js";
import { FeedService } from "../src/domain/feeds/service.js";
import { createStore } from "../src/store/store.js";

const FEEDS = 1000;
const ITEMS_PER_FEED = 20;
const GOAL_MS = 60_000;

const paragraph =
  "<p>Informational interviews help new librarians learn how a library <em>really</em> works: " +
  "ask about the daily routine, the path into the job, and what the hiring committee looks for. " +
  '<a href="https://example.org/more">Read more</a></p><img src="https://example.org/img/desk.jpg">';

/** A realistic RSS 2.0 document: `version` is the number of the newest item. */
function feedXml(feed: number, version: number): string {
  const items: string[] = [];
  for (let n = version; n > version - ITEMS_PER_FEED; n--) {
    const date = new Date(Date.UTC(2025, 0, 1) + n * 3_600_000).toUTCString();
    items.push(
      `<item><title>Feed ${feed} post ${n}: career advice &amp; news</title>` +
        `<link>https://example.org/${feed}/posts/${n}</link><guid>https://example.org/${feed}/posts/${n}</guid>` +
        `<pubDate>${date}</pubDate><description><![CDATA[${paragraph.repeat(3)}]]></description></item>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Bench feed ${feed}</title><link>https://example.org/${feed}</link><description>Bench</description>${items.join("")}</channel></rss>`;
}

async function serveFeeds(versions: number[]): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const feed = Number(/^\/feed\/(\d+)\.xml$/.exec(request.url ?? "")?.[1]);
    const version = versions[feed];
    if (version === undefined) return void response.writeHead(404).end();
    const etag = `"${feed}-${version}"`;
    if (request.headers["if-none-match"] === etag) return void response.writeHead(304, { etag }).end();
    response
      .writeHead(200, { "content-type": "application/rss+xml; charset=utf-8", etag })
      .end(feedXml(feed, version));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
const round = (value: number) => Math.round(value * 100) / 100;

/**
 * 1,000 feeds from a local server through the real fetch, parse, dedupe and store code, with a
 * poster that does nothing: one cycle where every feed has a new item, then one where none changed.
 */
export async function benchFeeds(): Promise<Record<string, number | string>> {
  const versions = Array.from({ length: FEEDS }, () => ITEMS_PER_FEED);
  const { server, origin } = await serveFeeds(versions);
  const dir = mkdtempSync(path.join(tmpdir(), "bench-feeds-"));
  const store = await createStore({ url: `sqlite://${path.join(dir, "bench.sqlite")}` });
  try {
    const service = new FeedService(store, { config: { allowPrivateHosts: true } });
    let posted = 0;
    const poller = new FeedPoller(service, {
      post: async () => {
        posted++;
      },
    });

    const addStarted = performance.now();
    const pending = Array.from({ length: FEEDS }, (_, feed) => feed);
    const adder = async () => {
      for (let feed = pending.shift(); feed !== undefined; feed = pending.shift()) {
        await service.add({
          guildId: "bench",
          channelId: "c",
          url: `${origin}/feed/${feed}.xml`,
          addedBy: "b",
        });
      }
    };
    await Promise.all(Array.from({ length: service.config.concurrency }, adder));
    const addMs = performance.now() - addStarted;

    const cycle = async () => {
      const started = performance.now();
      const results = await poller.runCycle();
      return { ms: performance.now() - started, results };
    };
    const perFeed = (results: PollResult[], outcome: PollResult["outcome"]) =>
      results.filter((result) => result.outcome === outcome).map((result) => result.durationMs);

    versions.fill(ITEMS_PER_FEED + 1);
    const changed = await cycle();
    const unchanged = await cycle();
    const changedMean = mean(perFeed(changed.results, "updated"));
    const unchangedMean = mean(perFeed(unchanged.results, "not-modified"));
    const failed = [...changed.results, ...unchanged.results].filter((result) => result.outcome === "failed");

    return {
      feeds: FEEDS,
      itemsPerFeed: ITEMS_PER_FEED,
      addAllMs: Math.round(addMs),
      changedCycleMs: Math.round(changed.ms),
      unchangedCycleMs: Math.round(unchanged.ms),
      goalMs: GOAL_MS,
      withinGoal: changed.ms <= GOAL_MS ? "yes" : "no",
      postedInChangedCycle: posted,
      failedFeeds: failed.length,
      changedFeedMeanMs: round(changedMean),
      unchangedFeedMeanMs: round(unchangedMean),
      changedToUnchangedRatio: round(changedMean / unchangedMean),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    await store.close();
    server.closeAllConnections();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  console.log(JSON.stringify(await benchFeeds(), null, 2));
}
