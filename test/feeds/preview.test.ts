import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixture, startServer, type TestServer } from "./helpers.js";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const run = promisify(execFile);

function preview(target: string, env: NodeJS.ProcessEnv = {}) {
  return run(process.execPath, ["--import", "tsx", "scripts/feed-preview.ts", target], {
    cwd: projectRoot,
    env: { ...process.env, FEED_ALLOW_PRIVATE_HOSTS: "", ...env },
  });
}

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
  server.route("/feed.xml", (_request, response) => response.writeHead(200).end(fixture("atom.xml")));
});
afterAll(() => server.close());

describe("feed:preview", () => {
  it("prints each item of a file as one JSON line", async () => {
    const { stdout } = await preview("test/feeds/fixtures/rdf.xml");
    const lines = stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines).toEqual([
      {
        id: "https://state-library.example.gov/news/residency",
        title: "New residency program for early-career librarians",
        link: "https://state-library.example.gov/news/residency?ref=rss",
        published: "2025-02-20T14:00:00.000Z",
        author: "Office of Library Development",
        summary: "Applications open in April.",
      },
      {
        id: "https://state-library.example.gov/news/grants",
        title: "Continuing education grants",
        link: "https://state-library.example.gov/news/grants",
        published: "2025-02-10T14:00:00.000Z",
        summary: "",
      },
    ]);
  });

  it("fetches a URL, refusing a private host unless FEED_ALLOW_PRIVATE_HOSTS is true", async () => {
    const refused = await preview(server.url("/feed.xml")).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(refused).toMatchObject({ code: 1 });
    expect((refused as { stderr: string }).stderr).toContain("refused: resolves to a private address");

    const { stdout } = await preview(server.url("/feed.xml"), { FEED_ALLOW_PRIVATE_HOSTS: "true" });
    expect(
      stdout
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line).id),
    ).toEqual(["tag:archives.example.net,2025:job-77", "tag:archives.example.net,2025:job-76"]);
  });
});
