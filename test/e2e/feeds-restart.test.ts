import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { DiscordEmulator, type StoredMessage } from "../../emulator/index.js";
import { isEphemeral } from "../../emulator/messages.js";
import { deployCommands } from "../../src/core/deploy.js";
import { loadCommands } from "../../src/core/loader.js";
import { type FeedRecord, itemNonce } from "../../src/domain/feeds/index.js";
import { feedIdFor, feedKey } from "../../src/domain/feeds/records.js";
import { createStore } from "../../src/store/store.js";
import { type Article, articles, FeedSite, type ServedFeed } from "../support/feed-server.js";
import { startTestBot, type TestBot } from "../support/harness.js";
import { startBotProcess as startBot } from "../support/process.js";

const WAIT = { timeout: 20_000, interval: 25 };

let emulator: DiscordEmulator;
let site: FeedSite;
let dataDir: string;
/** The bot (in this process) or bot process running now, stopped after each test. */
let bot: TestBot | undefined;
let child: ChildProcess | undefined;

beforeAll(async () => {
  emulator = await DiscordEmulator.start({ seed: true });
  site = await FeedSite.start();
  dataDir = mkdtempSync(join(tmpdir(), "rd-feeds-restart-"));
});
afterEach(async () => {
  await bot?.stop({ keepEmulator: true });
  bot = undefined;
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = once(child, "exit");
    child.kill("SIGKILL");
    await exited;
  }
  child = undefined;
});
afterAll(async () => {
  await emulator?.stop();
  await site?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const seed = () => {
  if (!emulator.seed) throw new Error("the emulator has no seed");
  return emulator.seed;
};
const moderator = (channelId: string) =>
  emulator.as(seed().members.moderator, { guildId: seed().guildId, channelId });
const posts = (channelId: string) => emulator.channelMessages(channelId);
const titlesIn = (channelId: string) => posts(channelId).map((message) => message.embeds[0]?.title);
const postsWithNonce = (channelId: string, nonce: string) =>
  emulator.requests.filter(
    (request) =>
      request.method === "POST" &&
      request.path === `/channels/${channelId}/messages` &&
      (request.body as { nonce?: unknown } | undefined)?.nonce === nonce,
  );
const waitForPost = (channelId: string, predicate: (message: StoredMessage) => boolean) =>
  emulator.waitForMessage(
    (message) => message.channel_id === channelId && !isEphemeral(message) && predicate(message),
    WAIT.timeout,
  );

const botEnv = (file: string) => ({
  DATABASE_URL: `sqlite://${join(dataDir, file)}`,
  FEED_POLL_INTERVAL: "1s",
});

const fresh = (id: string, title: string, minute: number): Article => ({
  id,
  title,
  link: `https://careers.example.org/fresh/${id}`,
  published: new Date(Date.now() + minute * 60_000),
});

/** The bot as its own process, so a SIGKILL reaches the bot itself. */
async function startBotProcess(env: Record<string, string>): Promise<ChildProcess> {
  ({ child } = await startBot(env));
  return child;
}

async function followAs(channelId: string, feed: ServedFeed): Promise<string> {
  const reply = await moderator(channelId)
    .command("feeds", { subcommand: "add", options: { url: feed.url, channel: channelId } })
    .reply();
  expect(reply.content).toMatch(/^Now following \*\*/);
  return feedIdFor(feed.url);
}

/** Resolves once `running` fetched the feed after this call and saved the outcome. */
async function nextPoll(running: TestBot, feed: ServedFeed, feedId: string): Promise<FeedRecord> {
  const before = feed.fetches.length;
  const fetchedAt = await vi.waitFor(() => {
    const at = feed.fetches[before];
    if (at === undefined) throw new Error(`${feed.url} was not fetched again`);
    return at;
  }, WAIT);
  return vi.waitFor(async () => {
    const record = await running.bot.context.services.feeds.get(seed().guildId, feedId);
    if (!record || Math.max(record.lastSuccessAt ?? 0, record.lastErrorAt ?? 0) < fetchedAt)
      throw new Error(`the poll of ${feed.url} has not finished`);
    return record;
  }, WAIT);
}

describe("feeds across restarts", () => {
  it("posts an article that appeared while the bot was down once, and nothing already posted", async () => {
    const env = botEnv("restart.sqlite");
    const channel = seed().channels.careerArticles;
    const feed = site.serve("restart", "Restart Weekly", articles("restart", 1, 3));

    bot = await startTestBot({ emulator, env });
    const feedId = await followAs(channel, feed);
    const before = fresh("before-stop", "Posted before the restart", 1);
    feed.publish(before);
    await waitForPost(channel, (m) => m.embeds[0]?.title === before.title);
    await nextPoll(bot, feed, feedId);
    await bot.stop({ keepEmulator: true });
    bot = undefined;

    const whileDown = fresh("while-down", "Published while the bot was down", 2);
    feed.publish(whileDown);
    const fetchesWhileDown = feed.fetches.length;
    bot = await startTestBot({ emulator, env });
    await waitForPost(channel, (m) => m.embeds[0]?.title === whileDown.title);
    const record = await nextPoll(bot, feed, feedId);
    expect(feed.fetches.length).toBeGreaterThan(fetchesWhileDown);

    expect(titlesIn(channel)).toEqual([before.title, whileDown.title]);
    const guildId = seed().guildId;
    expect(postsWithNonce(channel, itemNonce(guildId, feedId, before.id))).toHaveLength(1);
    expect(postsWithNonce(channel, itemNonce(guildId, feedId, whileDown.id))).toHaveLength(1);
    expect(record).toMatchObject({ state: "active", itemsPosted: 2, consecutiveFailures: 0 });
  });

  it("after a crash between posting and saving, misses nothing and shows nothing twice", async () => {
    const env = botEnv("crash.sqlite");
    const channel = emulator.addChannel(seed().guildId, { name: "articles-crash" }).id;
    const feed = site.serve("crash", "Crash Weekly", articles("crash", 1, 3));
    const { guildId } = seed();

    await deployCommands((await loadCommands()).values(), {
      token: emulator.botToken,
      clientId: emulator.applicationId,
      guildId,
      apiUrl: emulator.apiUrl,
    });
    const running = await startBotProcess({
      DISCORD_TOKEN: emulator.botToken,
      DISCORD_API_URL: emulator.apiUrl,
      FEED_ALLOW_PRIVATE_HOSTS: "true",
      ...env,
    });
    const exited = once(running, "exit");
    const feedId = await followAs(channel, feed);

    const first = fresh("crash-first", "First of two new articles", 1);
    const second = fresh("crash-second", "Second of two new articles", 2);
    const firstNonce = itemNonce(guildId, feedId, first.id);
    const secondNonce = itemNonce(guildId, feedId, second.id);
    // Killed the moment Discord has stored the first post, before the bot even has the answer,
    // so it cannot have marked the article seen.
    const killed = new Promise<void>((resolve) => {
      const onChange = () => {
        if (!posts(channel).some((message) => message.nonce === firstNonce)) return;
        emulator.state.off("change", onChange);
        running.kill("SIGKILL");
        resolve();
      };
      emulator.state.on("change", onChange);
    });
    feed.publish(second, first);
    await killed;
    await exited;
    expect(running.signalCode).toBe("SIGKILL");
    expect(titlesIn(channel)).toEqual([first.title]);

    // The crash hit the window under test: the post is out, the store does not know it.
    const store = await createStore({ url: env.DATABASE_URL });
    const saved = await store.get<FeedRecord>(feedKey(guildId, feedId));
    await store.close();
    expect(saved?.seenIds).not.toContain(first.id);
    expect(saved?.itemsPosted).toBe(0);

    bot = await startTestBot({ emulator, env });
    await waitForPost(channel, (m) => m.nonce === secondNonce);
    const record = await nextPoll(bot, feed, feedId);

    expect(titlesIn(channel)).toEqual([first.title, second.title]);
    // The restarted bot did send the first article again; the nonce made Discord return the original.
    const firstPosts = postsWithNonce(channel, firstNonce);
    expect(firstPosts).toHaveLength(2);
    expect(firstPosts.map((request) => request.body)).toEqual([
      expect.objectContaining({ enforce_nonce: true }),
      expect.objectContaining({ enforce_nonce: true }),
    ]);
    const [original, repeat] = firstPosts.map((request) => (request.response as { id?: string }).id);
    expect(repeat).toBe(original);
    expect(postsWithNonce(channel, secondNonce)).toHaveLength(1);
    expect(record.seenIds).toEqual(expect.arrayContaining([first.id, second.id]));
    expect(record.itemsPosted).toBe(2);
  }, 60_000);
});
