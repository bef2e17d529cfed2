import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT, runScript } from "../support/process.js";

/** Pipes `lines` into `npm run sandbox` and resolves to its exit code and everything it printed. */
function runSandbox(lines: string[]): Promise<{ code: number | null; output: string }> {
  const data = mkdtempSync(join(tmpdir(), "rd-sandbox-"));
  const child = spawn("npm", ["run", "--silent", "sandbox"], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, SANDBOX_DATABASE_URL: `sqlite://${join(data, "sandbox.sqlite")}` },
  });
  let output = "";
  child.stdout.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr.on("data", (chunk) => {
    output += chunk;
  });
  child.stdin.end(`${lines.join("\n")}\n`);
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, output })));
}

describe("npm run sandbox", () => {
  it("reads commands from a pipe, prints every answer and exits 0 at the end", async () => {
    const { code, output } = await runSandbox([
      "/questions public-library",
      "press 2",
      "as morgan",
      "/help",
      "/questions nowhere-library",
      "as sam",
      "/config",
      "roles",
      "help",
      "/privacy delete-my-data",
      "press 1",
    ]);
    expect(output).toContain("sam> /questions public-library");
    expect(output).toContain("Informational interview questions: Public library");
    expect(output).toContain("(only you can see this)");
    expect(output).toMatch(/\[2\] Next/);
    expect(output).toContain("Page 2 of 6");
    expect(output).toContain("You are now morgan, a moderator.");
    expect(output).toContain("For moderators (Manage Server)");
    expect(output).toContain(`I don't know the library type "nowhere-library"`);
    // Plain words instead of the emulator's account of default_member_permissions.
    expect(output).toContain(
      "! Only members with Manage Server see /config; Discord doesn't show it to sam. morgan (a moderator) can: type `as morgan`.",
    );
    expect(output).toContain("  Job seekers: sam; anyone may mention it");
    expect(output).toContain('/feeds add url:… mention:"Job seekers"');
    expect(output).toMatch(/ {2}threads +the threads the bot opened, numbered/);
    // The confirmation is edited once the data is gone, and the edit is printed.
    expect(output).toMatch(/Deleting your data…\n\(edited\) \(only you can see this\)\nDone\./);
    expect(output).toContain("(end of input)");
    expect(code).toBe(0);
  });

  it("walks a seeker's request to a seeded librarian and her acceptance, as a person would", async () => {
    // A keyword only Ada matches: without one, who comes first changes with the day.
    const { code, output } = await runSandbox([
      "/findmentor academic keyword:liaison",
      "press 1",
      "Hello!",
      "I would like to learn how you moved from teaching into an academic library and what liaison work is like.",
      "5",
      "1",
      "weekday evenings",
      "",
      "",
      "as ada",
      "press 1",
      "threads",
      "read 1",
      "select 1 1",
      "as sam",
      "read 1",
      "press 1",
      "read #mod-log",
    ]);
    expect(output).toContain("[1] Ask Ada");
    expect(output).toContain("form: Ask Ada");
    // A field that doesn't fit is asked again, with its limits, instead of dropping the form.
    expect(output).toContain(
      "│ What do you hope to learn from them? [required, 30–1000 characters]: Hello!\n" +
        "│ ! Too short: at least 30 characters, you wrote 6. Try again.\n" +
        "│ What do you hope to learn from them? [required, 30–1000 characters]: I would like",
    );
    expect(output).toContain('│ ! There is no choice "5": pick 1 to 2. Try again.');
    expect(output).toContain(
      "│ When are you generally free? [optional, up to 200 characters]: weekday evenings",
    );
    expect(output).toContain("│ For a class assignment? Its due date [optional, up to 10 characters]: ");
    expect(output).toContain("Your request is on its way to **Ada**.");
    expect(output).toMatch(
      /── DM to ada ──\n\*\*Sam\*\* on \*\*Library Careers \(sandbox\)\*\* would like a short informational interview/,
    );
    expect(output).toContain("You accepted.");
    // The request card is edited once the thread is open; the console prints the edit.
    expect(output).toMatch(
      /── DM to ada ──\n\(edited\) ✅ You accepted\. Your conversation with \*\*Sam\*\*: #Sam & Ada/,
    );
    expect(output).toContain('── thread "Sam & Ada" in #mentoring ──\n@sam @ada');
    expect(output).toContain("── DM to sam ──");
    expect(output).toMatch(/ {2}1\) Sam & Ada: private in #mentoring, \d+ messages, members: sam, ada/);
    expect(output).toMatch(/── thread "Sam & Ada" in #mentoring \(latest \d+\) ──/);
    // Ada puts her first free slot forward from the thread's picker; Sam confirms it there.
    expect(output).toContain("│ How long? [optional]: 1) 20 minutes  2) 30 minutes  3) 45 minutes");
    expect(output).toMatch(/🗓️ \*\*Pick a time for your interview\*\* \(30 minutes\)/);
    expect(output).toMatch(/@sam 🕑 \*\*Ada\*\* proposes .+, 30 minutes/);
    expect(output).toMatch(/✅ \*\*Your informational interview is set for .+\.\*\*/);
    expect(output).toContain("📎 informational-interview.ics");
    expect(output).toContain("Nothing in #mod-log yet.");
    expect(code).toBe(0);
  });

  it("serves sample feeds that a moderator can follow, and posts a newly published article", async () => {
    const data = mkdtempSync(join(tmpdir(), "rd-sandbox-"));
    const sandbox = runScript("scripts/sandbox.ts", {
      SANDBOX_DATABASE_URL: `sqlite://${join(data, "sandbox.sqlite")}`,
      FEED_POLL_INTERVAL: "1s",
      REQUEST_EXPIRY: "3m",
    });
    const send = (line: string) => sandbox.child.stdin?.write(`${line}\n`);
    try {
      await sandbox.waitFor("Type help for what you can do.");
      expect(sandbox.output()).toContain("Requests expire after 3 minutes");
      send("feeds");
      await sandbox.waitFor(/Library Career Notes \(RSS, 3 articles\): (http:\S+)/);
      const url = /Library Career Notes \(RSS, 3 articles\): (http:\S+)/.exec(sandbox.output())?.[1];
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/library-careers\.rss$/);
      send("as morgan");
      send(`/feeds add url:${url} channel:#career-articles mention:"Job seekers" backfill:true`);
      await sandbox.waitFor("Now following **Library Career Notes** (3 articles in the feed right now).");
      // The backfilled article is posted at once, and printed while the console waits for input.
      await sandbox.waitFor(
        /── #career-articles ──\n@Job seekers\n┌──\n│ Priya Natarajan\n│ Reading a library job ad/,
      );
      send("feeds new");
      await sandbox.waitFor(
        "Published: Negotiating salary when the pay scale is public (Library Career Notes)",
      );
      await sandbox.waitFor(
        /── #career-articles ──\n@Job seekers\n┌──\n│ Priya Natarajan\n│ Negotiating salary/,
      );
      send("/config");
      await sandbox.waitFor("feeds are checked every 1 second.");
    } finally {
      sandbox.child.stdin?.end();
    }
    expect(await sandbox.exited).toBe(0);
    expect(sandbox.output()).toContain("(end of input)");
  });
});
