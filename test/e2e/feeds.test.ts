import { PermissionFlagsBits } from "discord-api-types/v10";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { OptionValue, StoredMessage } from "../../emulator/index.js";
import { isEphemeral } from "../../emulator/messages.js";
import { deployCommands } from "../../src/core/deploy.js";
import { loadCommands } from "../../src/core/loader.js";
import { CAREER_FEEDS } from "../../src/data/career-feeds.js";
import { type FeedRecord, itemNonce } from "../../src/domain/feeds/index.js";
import { type Article, articles, FeedSite, type ServedFeed, unreachableUrl } from "../support/feed-server.js";
import { startTestBot, type TestBot } from "../support/harness.js";

/** Generous: a feed is polled about once a second here. */
const WAIT = { timeout: 15_000, interval: 25 };

let t: TestBot;
let site: FeedSite;
/** A feed that is always active, to know the poller has gone round (see {@link pollerWentRound}). */
let sentinel: { feed: ServedFeed; id: string };

beforeAll(async () => {
  site = await FeedSite.start();
  t = await startTestBot({ env: { FEED_POLL_INTERVAL: "1s" } });
  const feed = site.serve("sentinel", "Sentinel", articles("sentinel", 1, 1));
  sentinel = { feed, id: (await follow(feed, newChannel("sentinel"))).record.id };
});
afterAll(async () => {
  await t?.stop();
  await site?.close();
});

const guildId = () => t.seed.guildId;
const feeds = () => t.bot.context.services.feeds;
const moderator = (channelId?: string) =>
  t.emulator.as(t.seed.members.moderator, { guildId: guildId(), channelId });
const newChannel = (name: string) => t.emulator.addChannel(guildId(), { name }).id;
const titlesIn = (channelId: string) =>
  t.emulator.channelMessages(channelId).map((message) => message.embeds[0]?.title);
const channelPosts = (channelId: string) =>
  t.emulator.requests.filter(
    (request) => request.method === "POST" && request.path === `/channels/${channelId}/messages`,
  );
const bodyOf = (request: { body: unknown } | undefined) => (request?.body ?? {}) as Record<string, unknown>;

/** The first public message in the channel matching `predicate` (ephemeral replies live there too). */
const waitForPost = (channelId: string, predicate: (message: StoredMessage) => boolean = () => true) =>
  t.emulator.waitForMessage(
    (message) => message.channel_id === channelId && !isEphemeral(message) && predicate(message),
    WAIT.timeout,
  );

/** An article published just now (so newer than every numbered one). */
const fresh = (id: string, title: string, extra: Partial<Article> = {}): Article => ({
  id,
  title,
  link: `https://careers.example.org/fresh/${id}`,
  published: new Date(),
  ...extra,
});

/** `/feeds add` as the moderator, posting to `channelId`; resolves once the feed is followed. */
async function follow(feed: ServedFeed, channelId: string, options: Record<string, OptionValue> = {}) {
  const handle = moderator(channelId).command("feeds", {
    subcommand: "add",
    options: { url: feed.url, channel: channelId, ...options },
  });
  const reply = await handle.reply();
  const record = (await feeds().list(guildId())).find((candidate) => candidate.url === feed.url);
  if (!record) throw new Error(`the feed was not followed: ${reply.content}`);
  return { handle, reply, record };
}

/**
 * Resolves once the bot has fetched the feed after this call and finished with that fetch (posted
 * what it had to and saved the outcome), with the record as it then is.
 */
async function nextPoll(feed: ServedFeed, feedId: string): Promise<FeedRecord> {
  const before = feed.fetches.length;
  const fetchedAt = await vi.waitFor(() => {
    const at = feed.fetches[before];
    if (at === undefined) throw new Error(`${feed.url} was not fetched again`);
    return at;
  }, WAIT);
  return vi.waitFor(async () => {
    const record = await feeds().get(guildId(), feedId);
    if (!record) throw new Error(`feed ${feedId} is gone`);
    if (Math.max(record.lastSuccessAt ?? 0, record.lastErrorAt ?? 0) < fetchedAt)
      throw new Error(`the poll of ${feed.url} has not finished`);
    return record;
  }, WAIT);
}

/** The sentinel was polled three times: every active feed had its turn meanwhile. */
async function pollerWentRound(): Promise<void> {
  for (let round = 0; round < 3; round++) await nextPoll(sentinel.feed, sentinel.id);
}

async function listFields() {
  const handle = moderator().command("feeds", { subcommand: "list" });
  const reply = await handle.reply();
  expect(handle.ephemeral).toBe(true);
  return { embed: reply.embeds[0], fields: reply.embeds[0]?.fields ?? [] };
}

async function listEntry(title: string): Promise<string | undefined> {
  return (await listFields()).fields.find((field) => field.name === title)?.value;
}

describe("/feeds add", () => {
  it("answers privately with the feed's title, size and channel, and posts nothing on the first fetch", async () => {
    const channel = newChannel("articles-add");
    const feed = site.serve("weekly", "Library Careers Weekly", articles("weekly", 1, 3));
    const { handle, reply, record } = await follow(feed, channel);

    expect(handle.ephemeral).toBe(true);
    expect(reply.content).toBe(
      `Now following **Library Careers Weekly** (3 articles in the feed right now). New articles will be posted in <#${channel}>.`,
    );
    expect(record).toMatchObject({ state: "active", channelId: channel, itemsPosted: 0 });

    const polled = await nextPoll(feed, record.id);
    expect(polled.consecutiveFailures).toBe(0);
    expect(t.emulator.channelMessages(channel)).toEqual([]);
    expect(channelPosts(channel)).toEqual([]);
  });

  it("with backfill:true posts only the newest article", async () => {
    const channel = newChannel("articles-backfill");
    const feed = site.serve("backfill", "Backfill Weekly", articles("backfill", 1, 4));
    const { reply, record } = await follow(feed, channel, { backfill: true });
    expect(reply.content).toBe(
      `Now following **Backfill Weekly** (4 articles in the feed right now). The newest article will be posted now, then new ones in <#${channel}>.`,
    );

    await waitForPost(channel);
    const after = await nextPoll(feed, record.id);
    expect(titlesIn(channel)).toEqual(["backfill article 4"]);
    expect(after.itemsPosted).toBe(1);
  });

  it("refuses a feed this server already follows", async () => {
    const channel = newChannel("articles-twice");
    const feed = site.serve("twice", "Twice Weekly", articles("twice", 1, 2));
    const { record } = await follow(feed, channel);
    const handle = moderator(channel).command("feeds", { subcommand: "add", options: { url: feed.url } });
    expect((await handle.reply()).content).toBe(
      `I couldn't follow that feed: this server already follows that feed (id ${record.id}).`,
    );
    expect(handle.ephemeral).toBe(true);
  });

  it("refuses a channel the bot cannot post in, naming what it lacks there", async () => {
    const branch = await branchServer();
    const locked = t.emulator.addChannel(branch.id, { name: "announcements" }).id;
    t.emulator.setChannelOverwrites(locked, [
      { id: branch.id, type: "role", deny: PermissionFlagsBits.SendMessages },
      { id: t.emulator.botUser.id, type: "member", deny: PermissionFlagsBits.EmbedLinks },
    ]);
    const feed = site.serve("branch", "Branch Weekly", articles("branch", 1, 2));
    const add = () =>
      branch
        .moderator()
        .command("feeds", { subcommand: "add", options: { url: feed.url, channel: locked } })
        .reply();

    expect((await add()).content).toBe(
      `I can't post in <#${locked}>: I'm missing Send Messages, Embed Links there. ` +
        "Give Reference Desk those permissions in the channel's settings, or pick another channel.",
    );
    expect(await feeds().list(branch.id)).toEqual([]);

    t.emulator.setChannelOverwrites(locked, [
      { id: branch.id, type: "role", deny: PermissionFlagsBits.SendMessages },
      { id: t.emulator.botUser.id, type: "member", allow: PermissionFlagsBits.SendMessages },
    ]);
    expect((await add()).content).toMatch(/^Now following \*\*Branch Weekly\*\*/);
  });

  it("warns when the role to mention cannot be pinged by the bot there", async () => {
    const branch = await branchServer();
    const alerts = t.emulator.addRole(branch.id, { name: "Job alerts", permissions: 0n });
    const channel = t.emulator.addChannel(branch.id, { name: "jobs" }).id;
    const feed = site.serve("branch-jobs", "Branch Jobs", articles("branch-jobs", 1, 2));
    const reply = await branch
      .moderator()
      .command("feeds", { subcommand: "add", options: { url: feed.url, channel, mention: alerts.id } })
      .reply();
    expect(reply.content).toContain("with a ping for Job alerts.");
    expect(reply.content).toContain(
      "Job alerts can't be mentioned by members and I lack Mention @everyone, @here and All Roles there",
    );
  });
});

/** A server the bot does not own (an owner is never refused anything), with /feeds and a moderator. */
let branches = 0;
async function branchServer() {
  branches++;
  const owner = t.emulator.addUser({ username: `branch-owner-${branches}` });
  const guild = t.emulator.addGuild({ name: "Branch library", ownerId: owner.id });
  await deployCommands((await loadCommands()).values(), {
    token: t.emulator.botToken,
    clientId: t.emulator.applicationId,
    guildId: guild.id,
    apiUrl: t.emulator.apiUrl,
  });
  const moderatorId = t.emulator.addMember(guild.id, {
    username: `branch-moderator-${branches}`,
    permissions: PermissionFlagsBits.ManageGuild,
  }).userId;
  const general = t.emulator.addChannel(guild.id, { name: "general" }).id;
  return {
    id: guild.id,
    moderator: () => t.emulator.as(moderatorId, { guildId: guild.id, channelId: general }),
  };
}

describe("posting new articles", () => {
  it("posts a new article as an embed with a nonce, escaped title, plain summary and no pings", async () => {
    const channel = newChannel("articles-embed");
    const feed = site.serve("embed", "Hiring Librarians", articles("embed", 1, 2));
    const { record } = await follow(feed, channel);

    const summary =
      '<p>Hiring managers from <b>public</b> &amp; <a href="https://example.org/academic">academic</a> libraries ' +
      "say what they look for.</p><ul><li>Tailor the letter</li><li>Ask about the <em>daily work</em></li></ul>" +
      "<p>" +
      "They also read every application closely and notice when someone took the time to learn about the library. ".repeat(
        4,
      ) +
      "</p>";
    const article = fresh("embed-new", "Hiring *now*: _three_ questions for `archives` ~~interns~~", {
      author: "Rosa Diaz",
      summary,
      published: new Date(Date.UTC(2026, 0, 15, 9, 30)),
    });
    feed.publish(article);

    const message = await waitForPost(channel);
    const embed = message.embeds[0];
    expect(embed?.title).toBe(
      "Hiring \\*now\\*: \\_three\\_ questions for \\`archives\\` \\~\\~interns\\~\\~",
    );
    expect(embed?.url).toBe(article.link);
    expect(embed?.author?.name).toBe("Rosa Diaz");
    expect(new Date(embed?.timestamp ?? "").toISOString()).toBe("2026-01-15T09:30:00.000Z");
    expect(embed?.footer?.text).toBe("Hiring Librarians");
    const description = embed?.description ?? "";
    expect(
      description.startsWith("Hiring managers from public & academic libraries say what they look for."),
    ).toBe(true);
    expect(description).toContain("daily work");
    expect(description.length).toBeLessThanOrEqual(300);
    expect(description.endsWith("…")).toBe(true);
    expect(description).not.toMatch(/<\/?[a-z][^>]*>/i);
    expect(description).not.toContain("&amp;");

    const posts = channelPosts(channel);
    expect(posts).toHaveLength(1);
    const nonce = itemNonce(guildId(), record.id, article.id);
    expect(bodyOf(posts[0])).toMatchObject({ nonce, enforce_nonce: true });
    const allowed = bodyOf(posts[0]).allowed_mentions as { parse?: unknown[]; roles?: unknown[] };
    expect(allowed.parse).toEqual([]);
    expect(allowed.roles ?? []).toEqual([]);
    expect(message.content).toBe("");
    expect(message.mention_roles).toEqual([]);
    expect(message.nonce).toBe(nonce);

    const after = await nextPoll(feed, record.id);
    expect(after.itemsPosted).toBe(1);
    expect(t.emulator.channelMessages(channel)).toHaveLength(1);
  });

  it("mentions the role given with mention:, and allows only that ping", async () => {
    const channel = newChannel("articles-mention");
    const role = t.emulator.addRole(guildId(), { name: "Job alerts", permissions: 0 });
    const feed = site.serve("mention", "Academic Library Jobs", articles("mention", 1, 2));
    const { reply } = await follow(feed, channel, { mention: role.id });
    expect(reply.content).toBe(
      `Now following **Academic Library Jobs** (2 articles in the feed right now). New articles will be posted in <#${channel}> with a ping for Job alerts.`,
    );

    feed.publish(fresh("mention-new", "Reference librarian, State University"));
    const message = await waitForPost(channel);
    expect(message.content).toBe(`<@&${role.id}>`);
    expect(message.mention_roles).toEqual([role.id]);
    expect(message.embeds[0]?.title).toBe("Reference librarian, State University");
    expect(bodyOf(channelPosts(channel)[0]).allowed_mentions).toEqual({ parse: [], roles: [role.id] });
  });

  it("with keywords posts only articles whose title or summary mentions one", async () => {
    const channel = newChannel("articles-keywords");
    const feed = site.serve("keywords", "Library Jobs Digest", articles("keywords", 1, 3));
    const { reply, record } = await follow(feed, channel, { keywords: " archivist, Cataloging ,," });
    expect(reply.content).toBe(
      `Now following **Library Jobs Digest** (3 articles in the feed right now). New articles will be posted in <#${channel}>. Only articles mentioning archivist, Cataloging will be posted.`,
    );
    expect(record.keywords).toEqual(["archivist", "Cataloging"]);

    const minute = (n: number) => new Date(Date.UTC(2026, 1, 1, 12, n));
    const inTitle = fresh("kw-title", "Digital Archivist, State Library", { published: minute(1) });
    const inSummary = fresh("kw-summary", "Metadata librarian", {
      summary: "<p>Experience with <em>cataloging</em> in RDA.</p>",
      published: minute(2),
    });
    const neither = fresh("kw-neither", "Branch manager", {
      summary: "<p>Run a branch with a local history archive.</p>",
      published: minute(3),
    });
    feed.publish(neither, inSummary, inTitle);

    const after = await nextPoll(feed, record.id);
    expect(titlesIn(channel)).toEqual(["Digital Archivist, State Library", "Metadata librarian"]);
    expect(after.itemsPosted).toBe(2);
    expect(after.seenIds).toEqual(expect.arrayContaining(["kw-title", "kw-summary", "kw-neither"]));
  });
});

describe("/feeds list, pause, resume, remove", () => {
  it("lists each feed's state, last success, posts and last error", async () => {
    const channel = newChannel("articles-list");
    const feed = site.serve("listed", "Hack Library School", articles("listed", 1, 2));
    const { record } = await follow(feed, channel);

    const { embed } = await listFields();
    expect(embed?.title).toBe(`Article feeds (${(await feeds().list(guildId())).length})`);
    const entry = await listEntry("Hack Library School");
    expect(entry).toContain(`🟢 active · id \`${record.id}\` · in <#${channel}>`);
    expect(entry).toContain(feed.url);
    expect(entry).toMatch(/Last success: <t:\d+:R> · posted 0/);
    expect(entry).not.toContain("Last error");

    feed.publish(fresh("listed-new", "Library school reading list"));
    await waitForPost(channel);
    await nextPoll(feed, record.id);
    expect(await listEntry("Hack Library School")).toMatch(/posted 1/);

    feed.outage = 500;
    const failed = await nextPoll(feed, record.id);
    expect(failed).toMatchObject({ state: "active", lastError: "HTTP 500" });
    const failing = await listEntry("Hack Library School");
    expect(failing).toMatch(/Last error \(<t:\d+:R>\): HTTP 500 · \d+ in a row/);
    const [, stamp] = /Last error \(<t:(\d+):R>\)/.exec(failing ?? "") ?? [];
    expect(Number(stamp)).toBeGreaterThanOrEqual(Math.floor(record.addedAt / 1000));

    feed.outage = undefined;
    await vi.waitFor(async () => {
      expect((await feeds().get(guildId(), record.id))?.consecutiveFailures).toBe(0);
    }, WAIT);
    const recovered = await listEntry("Hack Library School");
    expect(recovered).toContain("🟢 active");
    expect(recovered).toMatch(/Last error \(<t:\d+:R>\): HTTP 500$/m);
    expect(t.emulator.channelMessages(channel)).toHaveLength(1);
  }, 60_000);

  it("pause stops posting, resume posts what appeared meanwhile, remove stops for good", async () => {
    const channel = newChannel("articles-pause");
    const feed = site.serve("paused", "Lead Pipe", articles("paused", 1, 2));
    const { record } = await follow(feed, channel);
    await nextPoll(feed, record.id);

    const pause = moderator().command("feeds", { subcommand: "pause", options: { feed: record.id } });
    expect((await pause.reply()).content).toBe(
      "Paused **Lead Pipe**. `/feeds resume` starts it again; nothing is missed meanwhile that the feed still lists.",
    );
    expect(pause.ephemeral).toBe(true);
    expect(await listEntry("Lead Pipe")).toContain("⏸️ paused");

    const whilePaused = fresh("paused-new", "Published while paused");
    feed.publish(whilePaused);
    await nextPoll(sentinel.feed, sentinel.id);
    const fetchesWhilePaused = feed.fetches.length;
    await pollerWentRound();
    expect(feed.fetches.length).toBe(fetchesWhilePaused);
    expect(t.emulator.channelMessages(channel)).toEqual([]);

    const resume = moderator().command("feeds", { subcommand: "resume", options: { feed: record.id } });
    expect((await resume.reply()).content).toBe("Resumed **Lead Pipe**: I'll check it right away.");
    await waitForPost(channel);
    await nextPoll(feed, record.id);
    expect(titlesIn(channel)).toEqual(["Published while paused"]);
    expect(await listEntry("Lead Pipe")).toContain("🟢 active");

    const remove = moderator().command("feeds", { subcommand: "remove", options: { feed: record.id } });
    expect((await remove.reply()).content).toBe(
      "Stopped following **Lead Pipe**. Nothing more will be posted from it.",
    );
    expect(remove.ephemeral).toBe(true);
    expect(await listEntry("Lead Pipe")).toBeUndefined();
    expect(await feeds().get(guildId(), record.id)).toBeUndefined();

    feed.publish(fresh("removed-new", "Published after removal"));
    await nextPoll(sentinel.feed, sentinel.id);
    const fetchesAfterRemoval = feed.fetches.length;
    await pollerWentRound();
    expect(feed.fetches.length).toBe(fetchesAfterRemoval);
    expect(titlesIn(channel)).toEqual(["Published while paused"]);

    const again = moderator().command("feeds", { subcommand: "remove", options: { feed: record.id } });
    expect((await again.reply()).content).toBe("This server follows no such feed. See `/feeds list`.");
  }, 60_000);

  it("autocompletes the feed option with this server's feeds, by title", async () => {
    const channel = newChannel("articles-autocomplete");
    const feed = site.serve("operations", "Operations Digest", articles("operations", 1, 2));
    const { record } = await follow(feed, channel);

    const other = t.emulator.addGuild({ name: "Another server" });
    const otherChannel = t.emulator.addChannel(other.id, { name: "articles" }).id;
    const otherFeed = site.serve("other-digest", "Other Server Digest", articles("other", 1, 2));
    const added = await feeds().add({
      guildId: other.id,
      channelId: otherChannel,
      url: otherFeed.url,
      addedBy: t.seed.members.moderator,
    });
    expect(added.feed.guildId).toBe(other.id);

    const typed = await moderator().autocomplete(
      "feeds",
      { subcommand: "pause", options: { feed: "operations" } },
      "feed",
    );
    expect(typed).toEqual([{ name: "Operations Digest (active)", value: record.id }]);
    const digests = await moderator().autocomplete(
      "feeds",
      { subcommand: "resume", options: { feed: "DIGEST" } },
      "feed",
    );
    expect(digests).toContainEqual({ name: "Operations Digest (active)", value: record.id });
    expect(digests.map((choice) => choice.name)).not.toContain("Other Server Digest (active)");

    const all = await moderator().autocomplete(
      "feeds",
      { subcommand: "remove", options: { feed: "" } },
      "feed",
    );
    const ours = await feeds().list(guildId());
    expect(all.map((choice) => choice.value)).toEqual(ours.map((feed) => feed.id));
    expect(all.map((choice) => choice.name)).not.toContain("Other Server Digest (active)");
  });
});

describe("/feeds preview", () => {
  it("shows the 3 newest articles privately as embeds and posts nothing anywhere", async () => {
    const feed = site.serve("preview", "Ask a Manager", articles("preview", 1, 5));
    const requestsBefore = t.emulator.requests.length;
    const publicBefore = new Set(
      t.emulator
        .allMessages()
        .filter((m) => !isEphemeral(m))
        .map((m) => m.id),
    );

    const handle = moderator().command("feeds", { subcommand: "preview", options: { url: feed.url } });
    const reply = await handle.reply();
    expect(handle.ephemeral).toBe(true);
    expect(reply.content).toBe("The 3 newest of 5 articles in **Ask a Manager**, as they would be posted:");
    expect(reply.embeds.map((embed) => embed.title)).toEqual([
      "preview article 5",
      "preview article 4",
      "preview article 3",
    ]);
    expect(reply.embeds[0]).toMatchObject({
      url: "https://careers.example.org/preview/5",
      description: "Summary of preview article 5.",
      footer: { text: "Ask a Manager" },
    });

    const previewTitles = /preview article/;
    const posted = t.emulator
      .allMessages()
      .filter((m) => !isEphemeral(m) && !publicBefore.has(m.id))
      .filter((m) => previewTitles.test(JSON.stringify(m.embeds)));
    expect(posted).toEqual([]);
    const channelRequests = t.emulator.requests
      .slice(requestsBefore)
      .filter((request) => request.path.startsWith("/channels/") && request.method === "POST");
    expect(channelRequests.filter((request) => previewTitles.test(JSON.stringify(request.body)))).toEqual([]);
    expect((await feeds().list(guildId())).some((record) => record.url === feed.url)).toBe(false);
  });

  it("says exactly why a URL is no feed: an HTML page, a 404, a closed port", async () => {
    const cases: Array<[url: string, reason: string]> = [
      [site.htmlPageUrl, "not a feed: looks like an HTML page"],
      [site.missingUrl, "HTTP 404"],
      [await unreachableUrl(), "connection refused"],
      ["ftp://example.org/feed.xml", "refused: only http and https URLs are allowed"],
      ["not a url", "not a valid URL"],
    ];
    for (const [url, reason] of cases) {
      const handle = moderator().command("feeds", { subcommand: "preview", options: { url } });
      const reply = await handle.reply();
      expect(handle.ephemeral, url).toBe(true);
      expect(reply.content, url).toBe(`I couldn't read that feed: ${reason}.`);
      expect(reply.embeds, url).toEqual([]);
    }
  });
});

describe("url autocomplete", () => {
  it("offers the curated career feeds, filtered by what is typed", async () => {
    const inalj = await moderator().autocomplete(
      "feeds",
      { subcommand: "add", options: { url: "inalj" } },
      "url",
    );
    expect(inalj).toEqual([
      {
        name: "INALJ (I Need A Library Job): jobs and job-hunting articles",
        value: "https://inalj.com/?feed=rss2",
      },
    ]);

    const all = await moderator().autocomplete(
      "feeds",
      { subcommand: "preview", options: { url: "" } },
      "url",
    );
    expect(all.map((choice) => choice.value)).toEqual(CAREER_FEEDS.map((feed) => feed.url));
    expect(all.map((choice) => choice.name)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Hiring Librarians/),
        expect.stringMatching(/^Ask a Manager/),
      ]),
    );

    const byAddress = await moderator().autocomplete(
      "feeds",
      { subcommand: "add", options: { url: "askamanager" } },
      "url",
    );
    expect(byAddress.map((choice) => choice.value)).toEqual(["https://www.askamanager.org/feed"]);
  });
});

describe("a failing feed", () => {
  it("backs off, is disabled after 10 failures in a row with one notice in its channel, and resumes", async () => {
    const channel = newChannel("articles-failing");
    const feed = site.serve("failing", "Flaky Jobs Board", articles("flaky", 1, 2));
    const { record } = await follow(feed, channel);
    const { maxFailures, intervalMs } = feeds().config;
    expect(maxFailures).toBe(10);
    expect(intervalMs).toBe(1000);

    feed.outage = 503;
    let seen = 0;
    let current: FeedRecord | undefined;
    while (current?.state !== "disabled") {
      current = await vi.waitFor(async () => {
        const latest = await feeds().get(guildId(), record.id);
        if (!latest || latest.consecutiveFailures <= seen) throw new Error(`still ${seen} failures`);
        return latest;
      }, WAIT);
      seen = current.consecutiveFailures;
      expect(current.lastError).toBe("HTTP 503");
      if (current.state === "disabled") break;
      // The poller's own backoff: one interval, doubling with each failure in a row.
      expect((current.nextAttemptAt ?? 0) - (current.lastErrorAt ?? 0)).toBe(intervalMs * 2 ** (seen - 1));
      // Rather than wait the backoff out (over 8 minutes), make the feed due again now.
      await feeds().update(guildId(), record.id, (latest) => ({ ...latest, nextAttemptAt: Date.now() }));
    }
    expect(current.consecutiveFailures).toBe(maxFailures);

    const notice = await waitForPost(channel);
    expect(notice.content).toBe(
      `I stopped checking the feed **Flaky Jobs Board** (${feed.url}) after repeated failures: HTTP 503. Fix it and run \`/feeds resume\`, or \`/feeds remove\` it.`,
    );

    await nextPoll(sentinel.feed, sentinel.id);
    const fetchesWhenDisabled = feed.fetches.length;
    await pollerWentRound();
    expect(feed.fetches.length).toBe(fetchesWhenDisabled);
    expect(t.emulator.channelMessages(channel)).toHaveLength(1);
    const entry = await listEntry("Flaky Jobs Board");
    expect(entry).toContain("🔴 disabled");
    expect(entry).toMatch(/Last error \(<t:\d+:R>\): HTTP 503 · 10 in a row/);

    feed.outage = undefined;
    feed.publish(fresh("flaky-back", "Back online"));
    await moderator()
      .command("feeds", { subcommand: "resume", options: { feed: record.id } })
      .reply();
    await waitForPost(channel, (m) => m.embeds[0]?.title === "Back online");
    const resumed = await nextPoll(feed, record.id);
    expect(resumed).toMatchObject({ state: "active", consecutiveFailures: 0 });
    expect(t.emulator.channelMessages(channel).map((m) => m.content || m.embeds[0]?.title)).toEqual([
      notice.content,
      "Back online",
    ]);
  }, 90_000);
});

describe("with a long FEED_POLL_INTERVAL", () => {
  /** Checks feeds hourly, so the poller's own ticks (every 30 s) find nothing due during these tests. */
  let slow: TestBot;
  beforeAll(async () => {
    slow = await startTestBot({ env: { FEED_POLL_INTERVAL: "1h" } });
  });
  afterAll(async () => {
    await slow?.stop();
  });

  /** Well under the 30 s tick: only a poll started by the command itself is this quick. */
  const SOON_MS = 5_000;
  const inChannel = (channelId: string) =>
    slow.emulator.as(slow.seed.members.moderator, { guildId: slow.seed.guildId, channelId });
  const slowPost = (channelId: string) =>
    slow.emulator.waitForMessage(
      (message) => message.channel_id === channelId && !isEphemeral(message),
      SOON_MS,
    );

  it("backfill:true posts the newest article at once, and resume checks at once", async () => {
    const channel = slow.emulator.addChannel(slow.seed.guildId, { name: "articles-at-once" }).id;
    const feed = site.serve("at-once", "At Once Weekly", articles("at-once", 1, 3));
    const reply = await inChannel(channel)
      .command("feeds", { subcommand: "add", options: { url: feed.url, channel, backfill: true } })
      .reply();
    expect(reply.content).toBe(
      `Now following **At Once Weekly** (3 articles in the feed right now). The newest article will be posted now, then new ones in <#${channel}>.`,
    );
    expect((await slowPost(channel)).embeds[0]?.title).toBe("at-once article 3");

    const [record] = await slow.bot.context.services.feeds.list(slow.seed.guildId);
    if (!record) throw new Error("the feed was not followed");
    await inChannel(channel)
      .command("feeds", { subcommand: "pause", options: { feed: record.id } })
      .reply();
    feed.publish(fresh("at-once-4", "Published while paused"));
    const resumed = await inChannel(channel)
      .command("feeds", { subcommand: "resume", options: { feed: record.id } })
      .reply();
    expect(resumed.content).toBe("Resumed **At Once Weekly**: I'll check it right away.");
    await slow.emulator.waitForMessage(
      (message) => message.channel_id === channel && message.embeds[0]?.title === "Published while paused",
      SOON_MS,
    );
  });

  it("counts a feed of one article as one article", async () => {
    const channel = slow.emulator.addChannel(slow.seed.guildId, { name: "articles-single" }).id;
    const feed = site.serve("single", "Single Issue", articles("single", 1, 1));
    const preview = await inChannel(channel)
      .command("feeds", { subcommand: "preview", options: { url: feed.url } })
      .reply();
    expect(preview.content).toBe("The only article in **Single Issue**, as it would be posted:");
    const added = await inChannel(channel)
      .command("feeds", { subcommand: "add", options: { url: feed.url, channel } })
      .reply();
    expect(added.content).toBe(
      `Now following **Single Issue** (1 article in the feed right now). New articles will be posted in <#${channel}>.`,
    );
  });

  it("says so when backfill:true finds nothing to post", async () => {
    const channel = slow.emulator.addChannel(slow.seed.guildId, { name: "articles-none-match" }).id;
    const feed = site.serve("none-match", "Nothing Matches", articles("none-match", 1, 2));
    const reply = await inChannel(channel)
      .command("feeds", {
        subcommand: "add",
        options: { url: feed.url, channel, backfill: true, keywords: "zoology" },
      })
      .reply();
    expect(reply.content).toBe(
      `Now following **Nothing Matches** (2 articles in the feed right now). No article in the feed mentions your keywords yet; new ones will be posted in <#${channel}>. Only articles mentioning zoology will be posted.`,
    );
  });
});
