import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  type DefaultSeed,
  DiscordEmulator,
  type StoredMessage,
  snowflakeOnShard,
} from "../../emulator/index.js";
import { isEphemeral } from "../../emulator/messages.js";
import { deployCommands } from "../../src/core/deploy.js";
import { loadCommands } from "../../src/core/loader.js";
import { feedIdFor } from "../../src/domain/feeds/records.js";
import type { InterviewRequest } from "../../src/domain/requests/index.js";
import { meetingNudgeKey } from "../../src/domain/timers/kinds.js";
import { createStore, guildKey } from "../../src/store/store.js";
import { articles, FeedSite } from "../support/feed-server.js";
import { startTestBot, type TestBot } from "../support/harness.js";
import { customIdOf } from "../support/messages.js";
import { type Running, runScript } from "../support/process.js";
import { listLibrarian, NOTE, sleep } from "../support/requests.js";

// Two machines' worth of launchers, one shard each, over one database: PostgreSQL when
// TEST_POSTGRES_URL is set, else one SQLite file (WAL) that both processes open.
const WAIT = 30_000;
const EXPIRY_MS = 25_000;
const NUDGE_MS = 20_000;

let emulator: DiscordEmulator;
let site: FeedSite;
let dataDir: string;
let databaseUrl: string;
/** A server whose events go to shard 0, and one whose events go to shard 1. */
let onShard0: DefaultSeed;
let onShard1: DefaultSeed;
let robin: string;
/** The launcher of each shard (`SHARD_COUNT=2 SHARDS=<id>`), each running its shard in a child process. */
const launchers: Running[] = [];

const env = (shard: number): Record<string, string> => ({
  DISCORD_TOKEN: emulator.botToken,
  DISCORD_API_URL: emulator.apiUrl,
  DATABASE_URL: databaseUrl,
  SHARD_COUNT: "2",
  SHARDS: String(shard),
  REQUEST_EXPIRY: `${EXPIRY_MS / 1000}s`,
  FIRST_CONTACT_NUDGE: `${NUDGE_MS / 1000}s`,
  FEED_POLL_INTERVAL: "1s",
  FEED_ALLOW_PRIVATE_HOSTS: "true",
});

const readyCount = (launcher: Running): number => launcher.output().split('"msg":"ready"').length - 1;

/** The pid of the process running shard `id` now, from its launcher's log. */
function shardPid(launcher: Running, id: number): number {
  const started = [...launcher.output().matchAll(new RegExp(`"shard":${id},"shardPid":(\\d+)`, "g"))];
  const pid = Number(started.at(-1)?.[1]);
  if (!pid) throw new Error(`no shard ${id} started yet:\n${launcher.output()}`);
  return pid;
}

/** Lists Casey in `guild` and points its mentoring channel at #mentoring, with a bot run in this process. */
async function prepare(seeding: TestBot, guild: DefaultSeed): Promise<void> {
  await listLibrarian({ ...seeding, seed: guild }, guild.members.librarian);
  const reply = await emulator
    .as(guild.members.moderator, { guildId: guild.guildId })
    .command("config", {
      "mentoring-channel": guild.channels.mentoring,
      "log-channel": guild.channels.modLog,
    })
    .reply();
  expect(reply.content).not.toMatch(/error/i);
}

beforeAll(async () => {
  emulator = await DiscordEmulator.start({ shards: 2 });
  onShard0 = emulator.seedDefaultGuild("Shard zero library", snowflakeOnShard(0, 2));
  onShard1 = emulator.seedDefaultGuild("Shard one library", snowflakeOnShard(1, 2));
  site = await FeedSite.start();
  dataDir = mkdtempSync(join(tmpdir(), "rd-shards-"));
  databaseUrl = process.env.TEST_POSTGRES_URL || `sqlite://${join(dataDir, "shared.sqlite")}`;

  for (const guild of [onShard0, onShard1]) {
    await deployCommands((await loadCommands()).values(), {
      token: emulator.botToken,
      clientId: emulator.applicationId,
      guildId: guild.guildId,
      apiUrl: emulator.apiUrl,
    });
  }
  // Seeded by one ordinary (unsharded) bot, which then stops.
  emulator.seed = onShard1;
  const seeding = await startTestBot({ emulator, env: { DATABASE_URL: databaseUrl } });
  try {
    await prepare(seeding, onShard0);
    await prepare(seeding, onShard1);
    // A second librarian in the server of shard 1, offered to seekers after a decline.
    robin = emulator.addMember(onShard1.guildId, { username: "robin", globalName: "Robin" }).userId;
    await listLibrarian({ ...seeding, seed: onShard1 }, robin, { displayName: "Robin" });
  } finally {
    await seeding.stop({ keepEmulator: true });
  }

  for (const shard of [0, 1]) launchers.push(runScript("src/index.ts", env(shard)));
  await Promise.all(launchers.map((launcher) => launcher.waitFor('"msg":"ready"', WAIT)));
}, 90_000);

afterAll(async () => {
  for (const launcher of launchers) {
    if (launcher.child.exitCode === null) launcher.child.kill("SIGTERM");
  }
  const codes = await Promise.all(launchers.map((launcher) => launcher.exited));
  await emulator?.stop();
  await site?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  expect(codes).toEqual([0, 0]);
});

let seekers = 0;
const newSeeker = (guild: DefaultSeed, name: string): string => {
  seekers++;
  return emulator.addMember(guild.guildId, {
    username: `${name.toLowerCase()}-s${seekers}`,
    globalName: name,
  }).userId;
};

/** The seeker asks Casey in their server: /findmentor, Ask, the form. */
async function askCasey(guild: DefaultSeed, seekerId: string): Promise<void> {
  const seeker = emulator.as(seekerId, { guildId: guild.guildId });
  const results = await seeker.command("findmentor", { "library-type": "academic" }).reply();
  const modal = await seeker.click(results, customIdOf(results, "Ask Casey")).modal();
  const reply = await seeker
    .submitModal(modal.custom_id, { note: NOTE, format: "video", availability: "" })
    .reply();
  expect(reply.content).toMatch(/on its way to \*\*Casey\*\*/);
}

async function savedRequests(guild: DefaultSeed): Promise<InterviewRequest[]> {
  const store = await createStore({ url: databaseUrl });
  try {
    const all: InterviewRequest[] = [];
    for await (const [, request] of store.entries<InterviewRequest>(guildKey(guild.guildId, "request"))) {
      all.push(request);
    }
    return all;
  } finally {
    await store.close();
  }
}

const requestOf = async (guild: DefaultSeed, seekerId: string): Promise<InterviewRequest> => {
  const mine = (await savedRequests(guild)).filter((request) => request.seekerId === seekerId);
  expect(mine).toHaveLength(1);
  return mine[0] as InterviewRequest;
};

/** The librarian's card for `request`, in their DMs. */
const cardOf = (guild: DefaultSeed, request: InterviewRequest): StoredMessage | undefined =>
  emulator
    .dmMessages(guild.members.librarian)
    .find((message) => message.embeds[0]?.footer?.text === `Request ${request.id}`);

const withNonce = (messages: StoredMessage[], nonce: string) =>
  messages.filter((message) => message.nonce === nonce);

/** Asks, waits for the card, and accepts it from the librarian's DMs (which shard 0 receives). */
async function askAndAcceptFromDm(guild: DefaultSeed, seekerId: string): Promise<InterviewRequest> {
  await askCasey(guild, seekerId);
  const request = await requestOf(guild, seekerId);
  await emulator.waitUntil(() => cardOf(guild, request) !== undefined, WAIT, "the card by DM");
  const card = cardOf(guild, request) as StoredMessage;
  const accepted = emulator.as(guild.members.librarian).click(card, customIdOf(card, "Accept"));
  // Within Discord's 3 s (the emulator refuses a later answer), whichever process served it.
  expect(JSON.stringify((await accepted.response()).data)).toContain("You accepted");
  return request;
}

/** Waits until the request's thread is open, the seeker told and the card redrawn; checks each happened once. */
async function expectConnectedOnce(guild: DefaultSeed, request: InterviewRequest): Promise<InterviewRequest> {
  const accepted = () => withNonce(emulator.dmMessages(request.seekerId), `accepted-${request.id}`);
  await emulator.waitUntil(() => accepted().length > 0, WAIT, `the seeker told of ${request.id}`);
  const saved = await vi.waitFor(async () => {
    const current = await requestOf(guild, request.seekerId);
    expect(current.effects ?? []).toEqual([]);
    return current;
  }, WAIT);
  expect(saved.state).toBe("accepted");
  const threads = emulator.threads(guild.channels.mentoring).filter((thread) => thread.id === saved.threadId);
  expect(threads).toHaveLength(1);
  expect(threads[0]?.memberIds).toEqual(expect.arrayContaining([request.seekerId, guild.members.librarian]));
  await vi.waitFor(() => {
    expect(JSON.stringify(cardOf(guild, request)?.embeds)).not.toContain("putting you in touch");
  }, WAIT);
  expect(accepted()).toHaveLength(1);
  return saved;
}

const nudgesIn = (threadId: string) =>
  emulator.channelMessages(threadId).filter((message) => message.content.includes("A friendly nudge"));

const accepted: { guild: DefaultSeed; request: InterviewRequest }[] = [];

describe("two shard processes over one database", () => {
  it("opens one thread when a librarian accepts by DM (shard 0) a request in a server of shard 1", async () => {
    const seekerId = newSeeker(onShard1, "Jordan");
    const request = await askAndAcceptFromDm(onShard1, seekerId);
    const saved = await expectConnectedOnce(onShard1, request);
    // Only the server's own shard opened the thread (shard 0 never saw its channels).
    expect(launchers[0]?.output()).not.toContain("could not open a private thread");
    const store = await createStore({ url: databaseUrl });
    expect(await store.get(`timer/${meetingNudgeKey(onShard1.guildId, request.id)}`)).toMatchObject({
      kind: "meeting-nudge",
    });
    await store.close();
    accepted.push({ guild: onShard1, request: saved });
  }, 60_000);

  it("takes a report, a decline and an Ask from the alternatives pressed in DMs (shard 0) about a server of shard 1", async () => {
    const seekerId = newSeeker(onShard1, "Quinn");
    await askCasey(onShard1, seekerId);
    const request = await requestOf(onShard1, seekerId);
    await emulator.waitUntil(() => cardOf(onShard1, request) !== undefined, WAIT, "the card by DM");
    const librarian = emulator.as(onShard1.members.librarian);
    const card = cardOf(onShard1, request) as StoredMessage;

    const reportForm = await librarian.click(card, customIdOf(card, "Report")).modal();
    const reported = await librarian
      .submitModal(reportForm.custom_id, { reason: "Asked for my home address." }, card)
      .reply();
    expect(reported.content).toMatch(/^Thank you for reporting this\. The moderators have your report/);
    const reports = emulator
      .channelMessages(onShard1.channels.modLog)
      .filter((message) => message.nonce === `report-${request.id}-l`);
    expect(reports).toHaveLength(1);

    const declineForm = await librarian.click(card, customIdOf(card, "Decline")).modal();
    const declining = librarian.submitModal(declineForm.custom_id, { reason: "" }, card);
    expect((await declining.reply()).content).toMatch(/^You declined this request/);
    expect((await declining.waitForFollowUp()).content).toMatch(/^Declined\. I told/);
    const told = () => withNonce(emulator.dmMessages(seekerId), `declined-${request.id}`);
    await emulator.waitUntil(() => told().length > 0, WAIT, "the seeker told of the decline");
    expect((await requestOf(onShard1, seekerId)).state).toBe("declined");
    await sleep(500);
    expect(told()).toHaveLength(1);

    // The seeker asks Robin from the decline notice in their DMs; shard 1's process delivers it.
    const notice = told()[0] as StoredMessage;
    const seeker = emulator.as(seekerId);
    const form = await seeker.click(notice, customIdOf(notice, "Ask Robin")).modal();
    const sent = await seeker
      .submitModal(form.custom_id, { note: NOTE, format: "video", availability: "" })
      .reply();
    expect(sent.content).toMatch(/on its way to \*\*Robin\*\*/);
    const toRobin = (await savedRequests(onShard1)).filter(
      (each) => each.seekerId === seekerId && each.mentorId === robin,
    );
    expect(toRobin.map((each) => each.state)).toEqual(["pending"]);
    const robinCards = () =>
      emulator
        .dmMessages(robin)
        .filter((message) => message.embeds[0]?.footer?.text === `Request ${toRobin[0]?.id}`);
    await emulator.waitUntil(() => robinCards().length > 0, WAIT, "Robin's card");
    await sleep(500);
    expect(robinCards()).toHaveLength(1);
  }, 60_000);

  it("loses nothing when both processes take requests and accepts at once", async () => {
    const asks = [onShard0, onShard1].flatMap((guild) =>
      ["Avery", "Blake", "Cory"].map((name) => ({ guild, seekerId: newSeeker(guild, name) })),
    );
    const requests = await Promise.all(
      asks.map(({ guild, seekerId }) => askAndAcceptFromDm(guild, seekerId)),
    );
    const connected = await Promise.all(
      requests.map((request, i) => expectConnectedOnce((asks[i] as (typeof asks)[0]).guild, request)),
    );
    for (const guild of [onShard0, onShard1]) {
      const saved = await savedRequests(guild);
      for (const { seekerId } of asks.filter((ask) => ask.guild === guild)) {
        expect(saved.filter((request) => request.seekerId === seekerId).map((r) => r.state)).toEqual([
          "accepted",
        ]);
      }
    }
    connected.forEach((request, i) => {
      accepted.push({ guild: (asks[i] as (typeof asks)[0]).guild, request });
    });
  }, 90_000);

  it("after a kill -9 of shard 1's process, its timers fire once and no feed item is posted twice", async () => {
    const [, launcher1] = launchers as [Running, Running];
    const channel = onShard1.channels.careerArticles;
    const feed = site.serve("shards", "Shard Weekly", articles("shards", 1, 3));
    const added = await emulator
      .as(onShard1.members.moderator, { guildId: onShard1.guildId, channelId: channel })
      .command("feeds", { subcommand: "add", options: { url: feed.url, channel } })
      .reply();
    expect(added.content).toMatch(/^Now following \*\*/);
    expect(feedIdFor(feed.url)).toBeTruthy();

    // A request left pending, whose expiry falls due while or after shard 1 is down.
    const waiting = newSeeker(onShard1, "Riley");
    await askCasey(onShard1, waiting);

    // Killed while Discord holds the post of a new article, before it is carried out.
    const held = emulator.hold("POST", new RegExp(`^/channels/${channel}/messages$`));
    const title = "Published just before the crash";
    feed.publish({ id: "crash-item", title, published: new Date(Date.now() + 60_000) });
    await held.reached;
    const before = readyCount(launcher1);
    process.kill(shardPid(launcher1, 1), "SIGKILL");
    held.release();
    // The ShardingManager starts the shard again.
    await vi.waitFor(() => expect(readyCount(launcher1)).toBeGreaterThan(before), { timeout: WAIT });

    const posts = () =>
      emulator
        .channelMessages(channel)
        .filter((message) => !isEphemeral(message) && message.embeds[0]?.title === title);
    await emulator.waitUntil(() => posts().length > 0, WAIT, "the article after the restart");

    // Every first-contact nudge (each accepted request) and the pending request's expiry fire, once.
    const request = await requestOf(onShard1, waiting);
    const expired = () =>
      emulator.dmMessages(waiting).filter((message) => message.content.includes("expired without an answer"));
    await emulator.waitUntil(() => expired().length > 0, EXPIRY_MS + WAIT, "the expiry");
    for (const { request: each } of accepted) {
      await emulator.waitUntil(
        () => nudgesIn(each.threadId ?? "").length > 0,
        NUDGE_MS + WAIT,
        "a first-contact nudge",
      );
    }
    await sleep(2_000);
    expect(posts()).toHaveLength(1);
    expect(expired()).toHaveLength(1);
    expect((await requestOf(onShard1, waiting)).state).toBe("expired");
    expect(request.state).toBe("pending");
    for (const { request: each } of accepted) expect(nudgesIn(each.threadId ?? "")).toHaveLength(1);
  }, 120_000);
});
