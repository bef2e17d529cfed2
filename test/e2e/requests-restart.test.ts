import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { DiscordEmulator } from "../../emulator/index.js";
import { startTestBot, type TestBot } from "../support/harness.js";
import { ask, listLibrarian, newMember, openRequest, sleep } from "../support/requests.js";

const dir = mkdtempSync(join(tmpdir(), "rd-requests-restart-"));
const env = {
  DATABASE_URL: `sqlite://${join(dir, "bot.sqlite")}`,
  REQUEST_EXPIRY: "4s",
  FIRST_CONTACT_NUDGE: "1h",
};
let emulator: DiscordEmulator | undefined;
let t: TestBot | undefined;

afterAll(async () => {
  await (t ? t.stop() : emulator?.stop());
  rmSync(dir, { recursive: true, force: true });
});

const expiredNotices = (seeker: string) =>
  emulator?.dmMessages(seeker).filter((m) => m.content.includes("expired without an answer")) ?? [];

it("runs an overdue expiry once after a restart, and a future one when due, never twice", async () => {
  emulator = await DiscordEmulator.start({ seed: true });
  t = await startTestBot({ emulator, env });
  const librarian = t.seed.members.librarian;
  await listLibrarian(t, librarian);
  const early = newMember(t, "Jordan");
  const late = newMember(t, "Sam");
  await ask(t, early, "Casey");
  const first = openRequest(t, early, librarian);
  await sleep(2000);
  await ask(t, late, "Casey");
  const second = openRequest(t, late, librarian);
  await t.stop({ keepEmulator: true });
  t = undefined;

  // Down while the first request falls due; back before the second does.
  await sleep(Math.max(0, first.expiresAt - Date.now() + 300));
  expect(Date.now()).toBeLessThan(second.expiresAt - 500);
  expect(expiredNotices(early)).toHaveLength(0);
  t = await startTestBot({ emulator, env });
  const requests = t.bot.context.services.requests;

  await emulator.waitUntil(() => expiredNotices(early).length === 1, 3000, "the overdue expiry");
  expect(requests.records.get(t.seed.guildId, first.id)?.state).toBe("expired");
  expect(requests.records.get(t.seed.guildId, second.id)?.state).toBe("pending");
  expect(expiredNotices(late)).toHaveLength(0);

  await emulator.waitUntil(() => expiredNotices(late).length === 1, 5000, "the second expiry, when due");
  expect(Date.now()).toBeGreaterThanOrEqual(second.expiresAt);
  expect(requests.records.get(t.seed.guildId, second.id)?.state).toBe("expired");

  await sleep(1000);
  expect(expiredNotices(early)).toHaveLength(1);
  expect(expiredNotices(late)).toHaveLength(1);
  expect(t.logs.filter((line) => Number(line.level) >= 50)).toEqual([]);
});
