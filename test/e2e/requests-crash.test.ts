import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { DiscordEmulator, type StoredMessage } from "../../emulator/index.js";
import type { InterviewRequest } from "../../src/domain/requests/index.js";
import { createStore, guildKey } from "../../src/store/store.js";
import { startTestBot, type TestBot } from "../support/harness.js";
import { customIdOf } from "../support/messages.js";
import { kill9, killAll, startBotProcess } from "../support/process.js";
import { isCardOf, listLibrarian, NOTE, sleep } from "../support/requests.js";

// Each test kills the bot (SIGKILL) while it waits for Discord right after telling someone that
// something happened, then starts it again and checks that the thing happens, once.

const WAIT_MS = 15_000;

let emulator: DiscordEmulator;
let dataDir: string;
let bot: TestBot | undefined;
const children = new Set<ChildProcess>();

beforeAll(async () => {
  emulator = await DiscordEmulator.start({ seed: true });
  dataDir = mkdtempSync(join(tmpdir(), "rd-requests-crash-"));
});
afterEach(async () => {
  await bot?.stop({ keepEmulator: true });
  bot = undefined;
  await killAll(children);
});
afterAll(async () => {
  await emulator?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const seed = () => {
  if (!emulator.seed) throw new Error("the emulator has no seed");
  return emulator.seed;
};

let people = 0;
const newMember = (name: string): string => {
  people++;
  return emulator.addMember(seed().guildId, {
    username: `${name.toLowerCase()}-crash${people}`,
    globalName: name,
  }).userId;
};

/** A store of its own with the librarian listed (and the mentoring channel set, if asked). */
async function prepare(
  file: string,
  librarianId: string,
  mentoringChannel: boolean,
  extra: Record<string, string> = {},
) {
  const env = { DATABASE_URL: `sqlite://${join(dataDir, file)}`, ...extra };
  const seeding = await startTestBot({ emulator, env });
  try {
    await listLibrarian(seeding, librarianId);
    if (mentoringChannel) {
      await seeding.bot.context.services.settings.update(seed().guildId, {
        mentoringChannelId: seed().channels.mentoring,
        logChannelId: seed().channels.modLog,
      });
    }
  } finally {
    await seeding.stop({ keepEmulator: true });
  }
  const running = await startBotProcess({
    DISCORD_TOKEN: emulator.botToken,
    DISCORD_API_URL: emulator.apiUrl,
    ...env,
  });
  children.add(running.child);
  return { env, child: running.child };
}

async function askCasey(seekerId: string): Promise<void> {
  const seeker = emulator.as(seekerId, { guildId: seed().guildId });
  const results = await seeker.command("findmentor", { "library-type": "academic" }).reply();
  const modal = await seeker.click(results, customIdOf(results, "Ask Casey")).modal();
  const reply = await seeker
    .submitModal(modal.custom_id, { note: NOTE, format: "video", availability: "" })
    .reply();
  expect(reply.content).toMatch(/on its way to \*\*Casey\*\*/);
}

/** The one request the seeker sent, as the killed bot left it in its file. */
async function saved(env: { DATABASE_URL: string }, seekerId: string): Promise<InterviewRequest> {
  const store = await createStore({ url: env.DATABASE_URL });
  try {
    const mine: InterviewRequest[] = [];
    for await (const [, request] of store.entries<InterviewRequest>(guildKey(seed().guildId, "request"))) {
      if (request.seekerId === seekerId) mine.push(request);
    }
    expect(mine).toHaveLength(1);
    return mine[0] as InterviewRequest;
  } finally {
    await store.close();
  }
}

const cardsOf = (librarianId: string, request: InterviewRequest): StoredMessage[] =>
  emulator.dmMessages(librarianId).filter((message) => isCardOf(message, request));

describe("what the bot said has happened, happens after a kill -9", () => {
  it("delivers a request the seeker was told is on its way, once", async () => {
    const librarianId = newMember("Casey");
    const seekerId = newMember("Jordan");
    const { env, child } = await prepare("deliver.sqlite", librarianId, false);
    // The bot opens the DM channel with the librarian right after answering the seeker: hold it.
    const hold = emulator.hold("POST", /^\/users\/@me\/channels$/);
    await askCasey(seekerId);
    await hold.reached;
    await kill9(child);
    hold.release();

    const left = await saved(env, seekerId);
    expect(left).toMatchObject({ state: "pending", effects: ["deliver"] });
    expect(left.delivery).toBeUndefined();
    expect(cardsOf(librarianId, left)).toHaveLength(0);

    bot = await startTestBot({ emulator, env });
    await emulator.waitUntil(
      () => cardsOf(librarianId, left).length > 0,
      WAIT_MS,
      "the card after the restart",
    );
    const requests = bot.bot.context.services.requests;
    // Settled in the store, which the emulator does not watch: poll it.
    await vi.waitFor(() => expect(requests.records.get(seed().guildId, left.id)?.effects).toBeUndefined(), {
      timeout: WAIT_MS,
    });
    expect(requests.records.get(seed().guildId, left.id)?.delivery).toMatchObject({ via: "dm" });
    await sleep(500);
    expect(cardsOf(librarianId, left)).toHaveLength(1);
  }, 60_000);

  it("opens the thread for an accepted request and tells the seeker, once", async () => {
    const librarianId = newMember("Casey");
    const seekerId = newMember("Riley");
    const { env, child } = await prepare("connect.sqlite", librarianId, true);
    await askCasey(seekerId);
    const request = await saved(env, seekerId);
    await emulator.waitUntil(() => cardsOf(librarianId, request).length === 1, WAIT_MS, "the card");
    const card = cardsOf(librarianId, request)[0] as StoredMessage;

    const hold = emulator.hold("POST", new RegExp(`^/channels/${seed().channels.mentoring}/threads$`));
    const accepted = await emulator.as(librarianId).click(card, customIdOf(card, "Accept")).reply();
    expect(JSON.stringify(accepted)).toMatch(/putting you in touch/i);
    await hold.reached;
    await kill9(child);
    hold.release();

    const left = await saved(env, seekerId);
    expect(left.state).toBe("accepted");
    expect(left.effects).toContain("connect");
    expect(left.threadId).toBeUndefined();
    const threadsBefore = emulator.threads(seed().channels.mentoring).length;

    bot = await startTestBot({ emulator, env });
    const told = () =>
      emulator.dmMessages(seekerId).filter((message) => message.content.includes("accepted your"));
    await emulator.waitUntil(() => told().length > 0, WAIT_MS, "the seeker told after the restart");
    const requests = bot.bot.context.services.requests;
    await vi.waitFor(() => expect(requests.records.get(seed().guildId, left.id)?.effects).toBeUndefined(), {
      timeout: WAIT_MS,
    });
    const threadId = requests.records.get(seed().guildId, left.id)?.threadId;
    expect(threadId).toBeDefined();
    expect(emulator.threads(seed().channels.mentoring)).toHaveLength(threadsBefore + 1);
    expect(emulator.threadMembers(threadId as string)).toEqual(
      expect.arrayContaining([seekerId, librarianId]),
    );
    await sleep(500);
    expect(told()).toHaveLength(1);
  }, 60_000);

  it("tells the seeker of a decline, once", async () => {
    const librarianId = newMember("Casey");
    const seekerId = newMember("Morgan");
    const { env, child } = await prepare("decline.sqlite", librarianId, false);
    await askCasey(seekerId);
    const request = await saved(env, seekerId);
    await emulator.waitUntil(() => cardsOf(librarianId, request).length === 1, WAIT_MS, "the card");
    const card = cardsOf(librarianId, request)[0] as StoredMessage;

    // The seeker's DM channel is opened only to tell them: hold that.
    const hold = emulator.hold("POST", /^\/users\/@me\/channels$/);
    const librarian = emulator.as(librarianId);
    const modal = await librarian.click(card, customIdOf(card, "Decline")).modal();
    await librarian.submitModal(modal.custom_id, { reason: "Away at a conference." }).reply();
    await hold.reached;
    await kill9(child);
    hold.release();
    // The delivery may still be marked owed if the Decline came before it was settled: at the
    // restart it is skipped, as the request is no longer pending.
    const left = await saved(env, seekerId);
    expect(left.state).toBe("declined");
    expect(left.effects).toContain("tell-declined");

    bot = await startTestBot({ emulator, env });
    const told = () =>
      emulator.dmMessages(seekerId).filter((message) => message.content.includes("can't take your"));
    await emulator.waitUntil(() => told().length > 0, WAIT_MS, "the seeker told after the restart");
    expect(told()[0]?.content).toContain("Away at a conference.");
    await sleep(500);
    expect(told()).toHaveLength(1);
  }, 60_000);

  it("tells the seeker of an expiry, once", async () => {
    const librarianId = newMember("Casey");
    const seekerId = newMember("Quinn");
    const { env, child } = await prepare("expire.sqlite", librarianId, false, { REQUEST_EXPIRY: "3s" });
    await askCasey(seekerId);
    const request = await saved(env, seekerId);
    await emulator.waitUntil(() => cardsOf(librarianId, request).length === 1, WAIT_MS, "the card");

    const hold = emulator.hold("POST", /^\/users\/@me\/channels$/);
    await hold.reached;
    await kill9(child);
    hold.release();
    expect(await saved(env, seekerId)).toMatchObject({ state: "expired", effects: ["tell-expired"] });

    bot = await startTestBot({ emulator, env: { ...env, REQUEST_EXPIRY: "3s" } });
    const told = () =>
      emulator
        .dmMessages(seekerId)
        .filter((message) => message.content.includes("expired without an answer"));
    await emulator.waitUntil(() => told().length > 0, WAIT_MS, "the seeker told after the restart");
    await sleep(500);
    expect(told()).toHaveLength(1);
  }, 60_000);

  it("finishes a seeker's deletion and tells the librarian, once", async () => {
    const librarianId = newMember("Casey");
    const seekerId = newMember("Taylor");
    const { env, child } = await prepare("delete.sqlite", librarianId, false);
    await askCasey(seekerId);
    const request = await saved(env, seekerId);
    await emulator.waitUntil(() => cardsOf(librarianId, request).length === 1, WAIT_MS, "the card");
    const card = cardsOf(librarianId, request)[0] as StoredMessage;

    // Telling the librarian goes to the DM the card is in: hold it, once the seeker saw "Deleting…".
    const hold = emulator.hold("POST", new RegExp(`^/channels/${card.channel_id}/messages$`));
    const seeker = emulator.as(seekerId, { guildId: seed().guildId });
    const prompt = await seeker.command("privacy", { subcommand: "delete-my-data" }).reply();
    seeker.click(prompt, customIdOf(prompt, "Delete my data"));
    await hold.reached;
    expect(emulator.message(prompt.id)?.content).toMatch(/Deleting your data/);
    await kill9(child);
    hold.release();

    bot = await startTestBot({ emulator, env });
    const told = () =>
      emulator
        .dmMessages(librarianId)
        .filter((message) =>
          message.content.startsWith("The informational interview request from **Taylor**"),
        );
    await emulator.waitUntil(() => told().length > 0, WAIT_MS, "the librarian told after the restart");
    const { requests, deletions } = bot.bot.context.services;
    await vi.waitFor(async () => expect(await deletions.unfinished()).toEqual([]), { timeout: WAIT_MS });
    expect(requests.records.get(seed().guildId, request.id)).toBeUndefined();
    const store = bot.bot.context.store;
    for await (const [key, value] of store.entries(`guild/${seed().guildId}/`)) {
      expect(`${key} ${JSON.stringify(value)}`).not.toContain(seekerId);
    }
    await sleep(500);
    expect(told()).toHaveLength(1);
  }, 60_000);

  it("posts a filed report to the moderators, once", async () => {
    const librarianId = newMember("Casey");
    const seekerId = newMember("Robin");
    const { env, child } = await prepare("report.sqlite", librarianId, true);
    await askCasey(seekerId);
    const request = await saved(env, seekerId);
    await emulator.waitUntil(() => cardsOf(librarianId, request).length === 1, WAIT_MS, "the card");
    const card = cardsOf(librarianId, request)[0] as StoredMessage;

    const hold = emulator.hold("POST", new RegExp(`^/channels/${seed().channels.modLog}/messages$`));
    const librarian = emulator.as(librarianId);
    const modal = await librarian.click(card, customIdOf(card, "Report")).modal();
    librarian.submitModal(modal.custom_id, { reason: "Asked for my home address." }, card);
    await hold.reached;
    await kill9(child);
    hold.release();

    bot = await startTestBot({ emulator, env });
    const posts = () =>
      emulator
        .channelMessages(seed().channels.modLog)
        .filter((message) => JSON.stringify(message.embeds).includes("Asked for my home address."));
    await emulator.waitUntil(() => posts().length > 0, WAIT_MS, "the report posted after the restart");
    await sleep(500);
    expect(posts()).toHaveLength(1);
  }, 60_000);
});
