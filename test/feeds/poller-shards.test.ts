import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FeedPoller } from "../../src/domain/feeds/poller.js";
import { FeedService } from "../../src/domain/feeds/service.js";
import { serves } from "../../src/domain/shards.js";
import { createStore } from "../../src/store/store.js";
import {
  conditional,
  FakeChannel,
  FakeClock,
  rss,
  startServer,
  type TestItem,
  type TestServer,
} from "./helpers.js";

/** Guild ids whose events go to shard 0 and shard 1 of 2. */
const GUILD_ON_0 = (2000n << 22n).toString();
const GUILD_ON_1 = (2001n << 22n).toString();

let server: TestServer;
let items: TestItem[] = [{ id: "a", minute: 1 }];
beforeAll(async () => {
  server = await startServer();
  server.route(
    "/shared.xml",
    conditional(() => rss(items)),
  );
});
afterAll(() => server.close());

describe("feed polls with several shards", () => {
  it("polls a guild's feeds only in the process that serves the guild", async () => {
    const store = await createStore({ url: "memory://" });
    const clock = new FakeClock();
    const url = server.url("/shared.xml");
    const channel = new FakeChannel();
    const polledBy: [number, string][] = [];
    // A process of shard `shard` over the shared store; a new one reads every feed from the store.
    const processFor = (shard: number) => {
      const service = new FeedService(store, { config: { allowPrivateHosts: true }, now: clock.now });
      const poller = new FeedPoller(service, {
        post: async (feed, item, nonce) => {
          polledBy.push([shard, feed.guildId]);
          await channel.post(feed, item, nonce);
        },
        servesGuild: (guildId) => serves({ count: 2, ids: [shard] }, guildId),
      });
      return { service, poller };
    };
    await processFor(0).service.add({ guildId: GUILD_ON_0, channelId: "c0", url, addedBy: "u" });
    await processFor(1).service.add({ guildId: GUILD_ON_1, channelId: "c1", url, addedBy: "u" });
    const [zero, one] = [processFor(0), processFor(1)];
    expect((await zero.service.due(clock.now(), true)).length).toBe(2);

    items = [{ id: "b", minute: 2 }, ...items];
    // Each process's view lists both feeds, yet it polls only its own guild's.
    const [fromZero, fromOne] = await Promise.all([zero.poller.runCycle(), one.poller.runCycle()]);
    expect(fromZero.map((result) => result.feed.guildId)).toEqual([GUILD_ON_0]);
    expect(fromOne.map((result) => result.feed.guildId)).toEqual([GUILD_ON_1]);
    expect(polledBy.sort()).toEqual([
      [0, GUILD_ON_0],
      [1, GUILD_ON_1],
    ]);
    expect(channel.itemIds).toEqual(["b", "b"]);
    await store.close();
  });

  it("posts and counts an item once when two processes poll the same feed at the same moment", async () => {
    const store = await createStore({ url: "memory://" });
    const clock = new FakeClock();
    const url = server.url("/shared.xml");
    // A channel that drops a repeated nonce, as Discord does with enforce_nonce.
    const channel = new FakeChannel();
    const both = { count: 1, ids: [0] };
    const pollers = [0, 1].map(() => {
      const service = new FeedService(store, { config: { allowPrivateHosts: true }, now: clock.now });
      return {
        service,
        poller: new FeedPoller(service, { post: channel.post, servesGuild: (g) => serves(both, g) }),
      };
    });
    const [first, second] = pollers as [(typeof pollers)[0], (typeof pollers)[0]];
    const { feed } = await first.service.add({ guildId: GUILD_ON_1, channelId: "c1", url, addedBy: "u" });
    items = [{ id: "c", minute: 3 }, ...items];
    await Promise.all([first.poller.runCycle(), second.poller.runCycle()]);
    expect(channel.itemIds).toEqual(["c"]);
    expect((await first.service.get(GUILD_ON_1, feed.id))?.itemsPosted).toBe(1);
    await store.close();
  });
});
