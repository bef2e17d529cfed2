import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { UserError } from "../../src/domain/errors.js";
import { feedIdFor, nextSlot } from "../../src/domain/feeds/records.js";
import { FeedService } from "../../src/domain/feeds/service.js";
import { createStore, type Store } from "../../src/store/store.js";
import { conditional, FakeClock, fixture, numbered, rss, startServer, type TestServer } from "./helpers.js";

let server: TestServer;
let store: Store;
let clock: FakeClock;
let service: FeedService;

const input = (path: string, guildId = "g1") => ({
  guildId,
  channelId: "c1",
  url: server.url(path),
  addedBy: "u1",
});

beforeAll(async () => {
  server = await startServer();
  server.route(
    "/jobs.xml",
    conditional(() => rss(numbered(1, 3), "Jobs")),
  );
  server.route(
    "/other.xml",
    conditional(() => fixture("atom.xml")),
  );
  server.route("/page.html", (_request, response) =>
    response.writeHead(200, { "content-type": "text/html" }).end(fixture("html-page.html")),
  );
  server.route("/gone.xml", (_request, response) => response.writeHead(404).end());
});

afterAll(() => server.close());

beforeEach(async () => {
  store = await createStore({ url: "memory://" });
  clock = new FakeClock();
  service = new FeedService(store, { config: { allowPrivateHosts: true }, now: clock.now });
});

describe("FeedService.add", () => {
  it("fetches at once and returns the title and item count, recording every current item as seen", async () => {
    const result = await service.add({ ...input("/jobs.xml"), keywords: [" Archivist ", "archivist", ""] });
    expect(result).toMatchObject({ title: "Jobs", itemCount: 3 });
    const { feed } = result;
    expect(feed).toMatchObject({
      url: server.url("/jobs.xml"),
      guildId: "g1",
      channelId: "c1",
      addedBy: "u1",
      keywords: ["archivist"],
      backfill: false,
      state: "active",
      consecutiveFailures: 0,
      itemsPosted: 0,
      lastSuccessAt: clock.time,
    });
    expect(feed.seenIds.sort()).toEqual(["item-1", "item-2", "item-3"]);
    expect(feed.etag).toBeDefined();
    expect(feed.nextAttemptAt).toBe(nextSlot(feed.url, clock.time, 15 * 60_000));
    expect(feed.nextAttemptAt - clock.time).toBeGreaterThan(0);
    expect(feed.nextAttemptAt - clock.time).toBeLessThanOrEqual(15 * 60_000);
    expect(await service.get("g1", feed.id)).toEqual(feed);
  });

  it("gives each feed a short id, the same for the same URL", async () => {
    const result = await service.add(input("/jobs.xml"));
    expect(result.feed.id).toBe(feedIdFor(server.url("/jobs.xml")));
    expect(feedIdFor(server.url("/jobs.xml"))).toMatch(/^[0-9a-z]{1,8}$/);
    expect(feedIdFor(server.url("/other.xml"))).not.toBe(feedIdFor(server.url("/jobs.xml")));
  });

  it("refuses the same URL twice in one guild, even added at the same moment", async () => {
    const both = await Promise.allSettled([service.add(input("/jobs.xml")), service.add(input("/jobs.xml"))]);
    expect(both.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    const id = feedIdFor(server.url("/jobs.xml"));
    await expect(
      service.add({ ...input("/jobs.xml"), url: `${server.url("/jobs.xml")}#latest` }),
    ).rejects.toThrow(
      new UserError(`I couldn't follow that feed: this server already follows that feed (id ${id}).`),
    );
    expect((await service.add(input("/jobs.xml", "g2"))).feed.guildId).toBe("g2");
  });

  it("says exactly why a feed cannot be added, and stores nothing", async () => {
    const reasons = await Promise.all(
      [
        "not a url",
        "ftp://example.org/feed.xml",
        "http://user:secret@example.org/feed.xml",
        server.url("/gone.xml"),
        server.url("/page.html"),
      ].map(async (url) => {
        const failure = await service.add({ ...input("/"), url }).catch((error: unknown) => error);
        expect(failure).toBeInstanceOf(UserError);
        return (failure as Error).message;
      }),
    );
    expect(reasons).toEqual(
      [
        "not a valid URL",
        "refused: only http and https URLs are allowed",
        "refused: the URL must not contain a user name or password",
        "HTTP 404",
        "not a feed: looks like an HTML page",
      ].map((reason) => `I couldn't follow that feed: ${reason}.`),
    );
    const strict = new FeedService(store, { now: clock.now });
    await expect(strict.add(input("/jobs.xml"))).rejects.toThrow(
      "I couldn't follow that feed: refused: resolves to a private address.",
    );
    expect(await service.list("g1")).toEqual([]);
  });
});

describe("FeedService records", () => {
  it("lists a guild's feeds only, and pauses, resumes and removes them", async () => {
    const jobs = await service.add(input("/jobs.xml"));
    clock.advance(1000);
    const other = await service.add(input("/other.xml"));
    await service.add(input("/jobs.xml", "g2"));

    expect((await service.list("g1")).map((feed) => feed.id)).toEqual([jobs.feed.id, other.feed.id]);
    expect(await service.list("g3")).toEqual([]);

    expect((await service.pause("g1", jobs.feed.id))?.state).toBe("paused");
    expect(await service.due(Number.POSITIVE_INFINITY)).not.toContainEqual(["g1", jobs.feed.id]);

    await service.update("g1", jobs.feed.id, (feed) => ({ ...feed, consecutiveFailures: 4 }));
    clock.advance(5000);
    const resumed = await service.resume("g1", jobs.feed.id);
    expect(resumed).toMatchObject({ state: "active", consecutiveFailures: 0, nextAttemptAt: clock.time });
    // Due now: the resumed feed, and any other whose own slot (a hash of its URL) happens to have come.
    const expected = (await Promise.all([service.get("g1", jobs.feed.id), service.get("g1", other.feed.id)]))
      .filter((feed) => feed && feed.state === "active" && feed.nextAttemptAt <= clock.time)
      .map((feed) => ["g1", feed?.id]);
    expect(expected).toContainEqual(["g1", jobs.feed.id]);
    expect((await service.due(clock.time)).filter(([guild]) => guild === "g1")).toEqual(
      expect.arrayContaining(expected),
    );

    expect((await service.remove("g1", other.feed.id))?.url).toBe(server.url("/other.xml"));
    expect(await service.remove("g1", other.feed.id)).toBeUndefined();
    expect(await service.get("g1", other.feed.id)).toBeUndefined();
    expect((await service.list("g1")).map((feed) => feed.id)).toEqual([jobs.feed.id]);
    expect(await service.pause("g1", "nosuchid")).toBeUndefined();
  });

  it("finds the feeds of an existing store when it starts", async () => {
    const added = await service.add(input("/jobs.xml"));
    const restarted = new FeedService(store, { config: { allowPrivateHosts: true }, now: clock.now });
    expect((await restarted.list("g1")).map((feed) => feed.id)).toEqual([added.feed.id]);
    expect(await restarted.due(added.feed.nextAttemptAt)).toEqual([["g1", added.feed.id]]);
    expect(await restarted.due(added.feed.nextAttemptAt - 1)).toEqual([]);
  });
});
