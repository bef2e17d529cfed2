import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { DiscordEmulator } from "../../emulator/index.js";
import { agendaGroups } from "../../src/domain/agenda/index.js";
import { startTestBot, type TestBot } from "../support/harness.js";
import { customIdOf, labelsOf } from "../support/messages.js";
import { actor, askAndDeliver, listLibrarian, newMember, openRequest } from "../support/requests.js";

let emulator: DiscordEmulator;
let dataDir: string;
let bot: TestBot | undefined;
const start = async () => {
  bot = await startTestBot({ emulator, env: { DATABASE_URL: `sqlite://${join(dataDir, "agenda.sqlite")}` } });
  return bot;
};

beforeAll(async () => {
  emulator = await DiscordEmulator.start({ seed: true });
  dataDir = mkdtempSync(join(tmpdir(), "rd-agenda-restart-"));
});
afterAll(async () => {
  await bot?.stop({ keepEmulator: true });
  await emulator?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

it("keeps the seeker's picks through a restart, and the builder's buttons still work", async () => {
  const t = await start();
  const librarian = t.seed.members.librarian;
  await listLibrarian(t, librarian);
  await t.bot.context.services.settings.update(t.seed.guildId, {
    mentoringChannelId: t.seed.channels.mentoring,
  });
  const seeker = newMember(t, "Sam");
  const { card } = await askAndDeliver(t, seeker, librarian, "Casey");
  await emulator.as(librarian).click(card, customIdOf(card, "Accept")).reply();
  await emulator.waitUntil(() => openRequest(t, seeker, librarian).threadId !== undefined);
  const threadId = openRequest(t, seeker, librarian).threadId ?? "";
  const kit = await emulator.waitForMessage(
    (m) => m.channel_id === threadId && labelsOf(m).includes("Build an agenda"),
  );
  const builder = await actor(t, seeker).click(kit, customIdOf(kit, "Build an agenda")).reply();
  const picked = await actor(t, seeker)
    .select(builder, customIdOf(builder, "The library and its people"), ["1", "0"])
    .reply();
  await t.stop({ keepEmulator: true });

  const again = await start();
  const posted = await actor(again, seeker).click(picked, customIdOf(picked, "Post agenda")).reply();
  expect(posted.content).toContain("Posted your agenda");
  const [, people] = agendaGroups("academic");
  const agenda = emulator.channelMessages(threadId).find((m) => m.content.startsWith("📋"));
  expect(agenda?.content).toContain(`1. ${people?.questions[0]}\n2. ${people?.questions[1]}`);
  expect(again.logs.filter((line) => Number(line.level) >= 50)).toEqual([]);
});
