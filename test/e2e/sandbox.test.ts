import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../support/process.js";

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
    ]);
    expect(output).toContain("sam> /questions public-library");
    expect(output).toContain("Informational interview questions: Public library");
    expect(output).toContain("(only you can see this)");
    expect(output).toMatch(/\[2\] Next/);
    expect(output).toContain("Page 2 of 5");
    expect(output).toContain("You are now morgan, a moderator.");
    expect(output).toContain("For moderators (Manage Server)");
    expect(output).toContain(`I don't know the library type "nowhere-library"`);
    expect(output).toContain("(end of input)");
    expect(code).toBe(0);
  });

  it("walks a seeker's request to a seeded librarian and her acceptance, as a person would", async () => {
    // A keyword only Ada matches: without one, who comes first changes with the day.
    const { code, output } = await runSandbox([
      "/findmentor academic keyword:liaison",
      "press 1",
      "I would like to learn how you moved from teaching into an academic library and what liaison work is like.",
      "1",
      "weekday evenings",
      "as ada",
      "press 1",
    ]);
    expect(output).toContain("[1] Ask Ada");
    expect(output).toContain("form: Ask Ada");
    expect(output).toContain("Your request is on its way to **Ada**.");
    expect(output).toMatch(
      /── DM to ada ──\n\*\*Sam\*\* on \*\*Library Careers \(sandbox\)\*\* would like a short informational interview/,
    );
    expect(output).toContain("You accepted.");
    expect(output).toContain("── #thread Sam & Ada ──");
    expect(output).toContain("── DM to sam ──");
    expect(code).toBe(0);
  });
});
