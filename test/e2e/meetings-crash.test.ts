import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it, vi } from "vitest";
import { DiscordEmulator, type StoredMessage } from "../../emulator/index.js";
import type { InterviewRequest } from "../../src/domain/requests/index.js";
import { createStore, guildKey } from "../../src/store/store.js";
import { startTestBot, type TestBot } from "../support/harness.js";
import { customIdOf } from "../support/messages.js";
import { startBotProcess } from "../support/process.js";
import { isCardOf, listLibrarian, NOTE, sleep } from "../support/requests.js";

// The bot is killed (SIGKILL) while it posts the agreed time to the thread; after a restart the
// announcement, with its calendar file, is posted once.

const WAIT_MS = 15_000;
const dataDir = mkdtempSync(join(tmpdir(), "rd-meetings-crash-"));
let emulator: DiscordEmulator | undefined;
let bot: TestBot | undefined;

afterAll(async () => {
  await bot?.stop({ keepEmulator: true });
  await emulator?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

it("posts the confirmed time and its .ics once after a kill -9 between saving and posting", async () => {
  emulator = await DiscordEmulator.start({ seed: true });
  const e = emulator;
  const seed = e.seed;
  if (!seed) throw new Error("no seed");
  const casey = e.addMember(seed.guildId, { username: "casey-mc", globalName: "Casey" }).userId;
  const seeker = e.addMember(seed.guildId, { username: "sam-mc", globalName: "Sam" }).userId;
  const env = { DATABASE_URL: `sqlite://${join(dataDir, "bot.sqlite")}` };
  const seeding = await startTestBot({ emulator: e, env });
  // Free every hour of every day, so the picker has slots whatever the time of the run.
  await listLibrarian(seeding, casey, { timeZone: "UTC", weeklyWindows: "Mon-Sun 00:00-24:00" });
  await seeding.bot.context.services.settings.update(seed.guildId, {
    mentoringChannelId: seed.channels.mentoring,
  });
  await seeding.stop({ keepEmulator: true });
  const running = await startBotProcess({ DISCORD_TOKEN: e.botToken, DISCORD_API_URL: e.apiUrl, ...env });

  const asSeeker = e.as(seeker, { guildId: seed.guildId });
  const results = await asSeeker.command("findmentor", { "library-type": "academic" }).reply();
  const modal = await asSeeker.click(results, customIdOf(results, "Ask Casey")).modal();
  await asSeeker.submitModal(modal.custom_id, { note: NOTE, format: "video", availability: "" }).reply();
  const card = await e.waitForMessage((m) => m.embeds[0]?.footer?.text?.startsWith("Request ") ?? false);
  await e.as(casey).click(card, customIdOf(card, "Accept")).reply();
  const picker = await e.waitForMessage((m) => m.content.includes("Pick a time"), WAIT_MS);
  const threadId = picker.channel_id;
  const menu = customIdOf(picker, "Put one of these times forward");
  const slot = JSON.stringify(picker.components).match(/"value":"(\d+)"/)?.[1] ?? "";
  await e.as(seeker, { guildId: seed.guildId }).select(picker, menu, [slot]).reply();
  const proposal = await e.waitForMessage((m) => m.channel_id === threadId && m.content.includes("proposes"));

  const hold = e.hold("POST", new RegExp(`^/channels/${threadId}/messages$`));
  await e.as(casey, { guildId: seed.guildId }).click(proposal, customIdOf(proposal, "Confirm")).reply();
  await hold.reached;
  const exited = once(running.child, "exit");
  running.child.kill("SIGKILL");
  await exited;
  hold.release();

  const store = await createStore({ url: env.DATABASE_URL });
  let left: InterviewRequest | undefined;
  for await (const [, request] of store.entries<InterviewRequest>(guildKey(seed.guildId, "request")))
    left = request;
  await store.close();
  expect(left?.meeting?.confirmed).toMatchObject({ startsAt: Number(slot) * 1000, round: 1 });
  expect(left?.effects).toContain("meeting-confirmed");
  const announced = () =>
    e.channelMessages(threadId).filter((m: StoredMessage) => m.content.includes("is set for"));
  expect(announced()).toHaveLength(0);

  bot = await startTestBot({ emulator: e, env });
  await e.waitUntil(() => announced().length > 0, WAIT_MS, "the agreed time after the restart");
  const [posted] = announced();
  expect(posted?.files[0]?.content.toString("utf8")).toContain(
    `DTSTART:${new Date(Number(slot) * 1000).toISOString().replace(/[-:]|\.\d+/g, "")}`,
  );
  const requests = bot.bot.context.services.requests;
  await vi.waitFor(
    () => expect(requests.records.get(seed.guildId, left?.id ?? "")?.effects).toBeUndefined(),
    {
      timeout: WAIT_MS,
    },
  );
  await sleep(500);
  expect(announced()).toHaveLength(1);
  expect(isCardOf(card, left as InterviewRequest)).toBe(true);
}, 60_000);
