import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DiscordEmulator } from "../../emulator/index.js";
import { runScript } from "../support/process.js";

let emulator: DiscordEmulator;
beforeAll(async () => {
  emulator = await DiscordEmulator.start({ seed: true });
});
afterAll(async () => {
  await emulator?.stop();
});

describe("the bot as a process", () => {
  it("exits non-zero without a token, saying how to get one and that the sandbox needs none", async () => {
    const run = runScript("src/index.ts", {});
    expect(await run.exited).toBe(1);
    expect(run.output()).toMatch(/DISCORD_TOKEN is not set/);
    expect(run.output()).toMatch(/npm run sandbox/);
  });

  it("registers the commands with deploy-commands, to the guild when one is set", async () => {
    const run = runScript("scripts/deploy-commands.ts", {
      DISCORD_TOKEN: emulator.botToken,
      DISCORD_CLIENT_ID: emulator.applicationId,
      DISCORD_GUILD_ID: emulator.seed?.guildId ?? "",
      DISCORD_API_URL: emulator.apiUrl,
    });
    expect(await run.exited).toBe(0);
    const registered = emulator.commands(emulator.seed?.guildId).map((command) => command.name);
    expect(registered).toEqual(expect.arrayContaining(["questions", "guide", "help", "feeds"]));
    expect(run.output()).toContain(
      `Registered ${registered.length} commands to guild ${emulator.seed?.guildId}`,
    );
  });

  it("logs in with the environment's settings and exits 0 on SIGTERM", async () => {
    const data = mkdtempSync(join(tmpdir(), "rd-process-"));
    const run = runScript("src/index.ts", {
      DISCORD_TOKEN: emulator.botToken,
      DISCORD_API_URL: emulator.apiUrl,
      DATABASE_URL: `sqlite://${join(data, "bot.sqlite")}`,
    });
    await run.waitFor('"msg":"ready"');
    expect(run.output()).not.toContain(emulator.botToken);
    run.child.kill("SIGTERM");
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('"msg":"shutting down"');
  });
});
