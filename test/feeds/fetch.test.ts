import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPrivateAddress, publicOnlyLookup } from "../../src/domain/feeds/address.js";
import { FeedError } from "../../src/domain/feeds/errors.js";
import { type FetchOptions, fetchFeed, USER_AGENT } from "../../src/domain/feeds/fetch.js";
import { conditional, fixture, startServer, type TestServer } from "./helpers.js";

let server: TestServer;
const local: FetchOptions = { allowPrivateHosts: true };

beforeAll(async () => {
  server = await startServer();
  server.route(
    "/feed.xml",
    conditional(() => fixture("rss2.xml")),
  );
  server.route(
    "/etag-only.xml",
    conditional(() => fixture("rss2.xml"), { lastModified: false }),
  );
  server.route(
    "/modified-only.xml",
    conditional(() => fixture("rss2.xml"), { etag: false }),
  );
  for (let hop = 1; hop <= 7; hop++) {
    server.route(`/hop/${hop}`, (_request, response) =>
      response
        .writeHead(hop === 1 ? 301 : 302, { location: hop === 1 ? "/hop/2" : server.url(`/hop/${hop + 1}`) })
        .end(),
    );
  }
  server.route("/redirect-5", (_request, response) => response.writeHead(302, { location: "/hop/4" }).end());
  server.route("/redirect-6", (_request, response) => response.writeHead(302, { location: "/hop/3" }).end());
  server.route(
    "/hop/8",
    conditional(() => fixture("rss2.xml")),
  );
  server.route("/to-loopback", (_request, response) =>
    response.writeHead(302, { location: "http://127.0.0.1:9/feed.xml" }).end(),
  );
  server.route("/to-ftp", (_request, response) =>
    response.writeHead(302, { location: "ftp://example.org/feed" }).end(),
  );
  server.route("/slow", (_request, response) => {
    response.writeHead(200, { "content-type": "application/rss+xml" });
    response.write("<?xml version='1.0'?><rss version='2.0'>");
    // ...and the rest never comes.
  });
  server.route("/big-declared", (_request, response) =>
    response.writeHead(200, { "content-length": "4096" }).end("x".repeat(4096)),
  );
  server.route("/big-chunked", (_request, response) => {
    response.writeHead(200, { "content-type": "application/rss+xml" });
    for (let chunk = 0; chunk < 64; chunk++) response.write("y".repeat(1024));
    response.end();
  });
  server.route("/missing", (_request, response) => response.writeHead(404).end("gone"));
  server.route("/latin1-prolog", (_request, response) =>
    response.writeHead(200, { "content-type": "application/rss+xml" }).end(fixture("latin1.xml")),
  );
  server.route("/latin1-header", (_request, response) =>
    response
      .writeHead(200, { "content-type": "text/xml; charset=ISO-8859-1" })
      .end(Buffer.from("<rss version='2.0'><channel><title>Caf\u00e9</title></channel></rss>", "latin1")),
  );
  server.route("/utf8-bom", (_request, response) =>
    response
      .writeHead(200)
      .end(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("<rss>\u00fc</rss>")])),
  );
});

afterAll(() => server.close());

async function failure(promise: Promise<unknown>): Promise<FeedError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(FeedError);
  return error as FeedError;
}

describe("fetchFeed", () => {
  it("sends the bot's User-Agent and returns the text with its validators", async () => {
    const result = await fetchFeed(server.url("/feed.xml"), local);
    expect(result.status).toBe("ok");
    if (result.status !== "ok") return;
    expect(result.text).toContain("<title>Library Careers Weekly</title>");
    expect(result.etag).toMatch(/^"[0-9a-f]{12}"$/);
    expect(result.lastModified).toMatch(/GMT$/);
    expect(server.requests.at(-1)?.headers["user-agent"]).toBe(USER_AGENT);
    expect(USER_AGENT).toMatch(/^ReferenceDeskBot\/\S+ \(\+https:\/\/github\.com\//);
  });

  it("gets a 304 for an unchanged feed by ETag", async () => {
    const first = await fetchFeed(server.url("/etag-only.xml"), local);
    if (first.status !== "ok") throw new Error("expected a 200 first");
    expect(first.lastModified).toBeUndefined();
    const second = await fetchFeed(server.url("/etag-only.xml"), { ...local, etag: first.etag });
    expect(second.status).toBe("not-modified");
    expect(server.requests.at(-1)?.headers["if-none-match"]).toBe(first.etag);
  });

  it("gets a 304 for an unchanged feed by Last-Modified", async () => {
    const first = await fetchFeed(server.url("/modified-only.xml"), local);
    if (first.status !== "ok") throw new Error("expected a 200 first");
    expect(first.etag).toBeUndefined();
    const second = await fetchFeed(server.url("/modified-only.xml"), {
      ...local,
      lastModified: first.lastModified,
    });
    expect(second.status).toBe("not-modified");
    expect(server.requests.at(-1)?.headers["if-modified-since"]).toBe(first.lastModified);
  });

  it("follows up to 5 redirects, relative and absolute, and reports where it ended", async () => {
    const result = await fetchFeed(server.url("/redirect-5"), local);
    expect(result).toMatchObject({ status: "ok", url: server.url("/hop/8") });
  });

  it("stops after 5 redirects", async () => {
    for (const path of ["/redirect-6", "/hop/1"]) {
      const error = await failure(fetchFeed(server.url(path), local));
      expect(error.message).toBe("too many redirects");
      expect(error.code).toBe("too-many-redirects");
    }
  });

  it("refuses loopback hosts, literal or by name, at the start and at a redirect, unless allowed", async () => {
    const options = { allowPrivateHosts: false };
    for (const url of [server.url("/to-loopback"), server.url("/feed.xml"), "http://[::1]:9/feed.xml"]) {
      const error = await failure(fetchFeed(url, options));
      expect(error.message).toBe("refused: resolves to a private address");
    }
    const requestsBefore = server.requests.length;
    // A name is vetted by the lookup at connect time, so the request never reaches the server.
    const byName = await failure(
      fetchFeed(server.url("/feed.xml").replace("127.0.0.1", "localhost"), options),
    );
    expect(byName.message).toBe("refused: resolves to a private address");
    expect(server.requests.length).toBe(requestsBefore);
  });

  it("refuses a redirect to another scheme", async () => {
    const error = await failure(fetchFeed(server.url("/to-ftp"), local));
    expect(error.message).toBe("refused: only http and https URLs are allowed");
  });

  it("gives up after the timeout", async () => {
    const started = performance.now();
    const error = await failure(fetchFeed(server.url("/slow"), { ...local, timeoutMs: 1000 }));
    expect(error.message).toBe("timed out after 1 s");
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it("refuses a body over the size limit, declared or streamed", async () => {
    const declared = await failure(fetchFeed(server.url("/big-declared"), { ...local, maxBytes: 2048 }));
    expect(declared.message).toBe("too large: over 2 KB");
    const streamed = await failure(fetchFeed(server.url("/big-chunked"), { ...local, maxBytes: 16 * 1024 }));
    expect(streamed.message).toBe("too large: over 16 KB");
    const underDefaultLimit = await fetchFeed(server.url("/big-chunked"), local);
    expect(underDefaultLimit.status === "ok" && underDefaultLimit.text.length).toBe(64 * 1024);
  });

  it("reports an HTTP error status", async () => {
    const error = await failure(fetchFeed(server.url("/missing"), local));
    expect(error.message).toBe("HTTP 404");
  });

  it("reports a refused connection", async () => {
    const closed = await startServer();
    await closed.close();
    const error = await failure(fetchFeed(closed.url("/feed.xml"), local));
    expect(error.message).toBe("connection refused");
  });

  it("decodes by the XML prolog's encoding, the Content-Type charset, or a BOM", async () => {
    const prolog = await fetchFeed(server.url("/latin1-prolog"), local);
    expect(prolog.status === "ok" && prolog.text).toContain("Médiathécaire jeunesse à Zürich");
    const header = await fetchFeed(server.url("/latin1-header"), local);
    expect(header.status === "ok" && header.text).toContain("<title>Café</title>");
    const bom = await fetchFeed(server.url("/utf8-bom"), local);
    expect(bom.status === "ok" && bom.text).toBe("<rss>ü</rss>");
  });
});

describe("private address checks", () => {
  it("knows loopback, private, link-local, CGNAT, unique-local and metadata addresses", () => {
    for (const address of [
      "127.0.0.1",
      "10.1.2.3",
      "172.20.0.5",
      "192.168.1.1",
      "100.100.100.200",
      "169.254.169.254",
      "0.0.0.0",
      "::1",
      "::",
      "fd00:ec2::254",
      "fe80::1",
      "::ffff:127.0.0.1",
      "::ffff:a9fe:a9fe",
      "64:ff9b::a9fe:a9fe",
    ]) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
    for (const address of [
      "93.184.215.14",
      "8.8.8.8",
      "2606:4700:4700::1111",
      "64:ff9b::808:808",
      "not-an-ip",
    ]) {
      expect(isPrivateAddress(address), address).toBe(false);
    }
  });

  it("refuses a host name that resolves to a private address, in both lookup shapes", async () => {
    for (const all of [true, false]) {
      const error = await new Promise<unknown>((resolve) =>
        publicOnlyLookup("localhost", { all }, (caught) => resolve(caught)),
      );
      expect((error as Error).message).toBe("refused: resolves to a private address");
    }
  });
});
