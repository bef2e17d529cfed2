import { describe, expect, it } from "vitest";
import { decodeFeedBytes } from "../../src/domain/feeds/decode.js";
import { FeedError } from "../../src/domain/feeds/errors.js";
import { truncateAtWord } from "../../src/domain/feeds/html.js";
import { parseFeed, SUMMARY_MAX } from "../../src/domain/feeds/parse.js";
import { fixture } from "./helpers.js";

const parseFixture = (name: string, baseUrl?: string) => parseFeed(decodeFeedBytes(fixture(name)), baseUrl);

function notAFeed(text: string): string {
  try {
    parseFeed(text);
  } catch (error) {
    expect(error).toBeInstanceOf(FeedError);
    return (error as FeedError).message;
  }
  throw new Error("expected a FeedError");
}

describe("parseFeed", () => {
  it("reads RSS 2.0", () => {
    const feed = parseFixture("rss2.xml", "https://careers.example.org/feed.xml");
    expect(feed.title).toBe("Library Careers Weekly");
    expect(feed.link).toBe("https://careers.example.org/");
    expect(feed.items).toHaveLength(3);
    const [first, second, third] = feed.items;
    expect(first).toMatchObject({
      id: "lcw-post-103",
      title: "Ten questions to ask in an informational interview",
      link: "https://careers.example.org/posts/ten-questions",
      author: "Rosa Diaz",
      summaryText: "Bring questions about the daily work, not only the job title.",
      imageUrl: "https://cdn.example.org/thumbs/ten.jpg",
    });
    expect(first?.published?.toISOString()).toBe("2025-03-04T08:30:00.000Z");
    expect(first?.summaryHtml).toContain("<b>daily work</b>");
    // A relative link is resolved against where the feed came from; the enclosure image is used.
    expect(second).toMatchObject({
      id: "https://careers.example.org/posts/cover-letter",
      link: "https://careers.example.org/posts/cover-letter",
      author: "Sam Okafor",
      imageUrl: "https://cdn.example.org/img/letter.png",
    });
    // No guid: the link is the id.
    expect(third).toMatchObject({ id: "https://careers.example.org/posts/salary-survey", summaryText: "" });
    expect(third?.imageUrl).toBeUndefined();
  });

  it("reads Atom 1.0", () => {
    const feed = parseFixture("atom.xml");
    expect(feed.title).toBe("Archives & Special Collections Jobs");
    expect(feed.link).toBe("https://archives.example.net/");
    const [first, second] = feed.items;
    expect(first).toMatchObject({
      id: "tag:archives.example.net,2025:job-77",
      title: "Processing archivist (two-year term)",
      link: "https://archives.example.net/jobs/processing-archivist",
      author: "Hiring Committee",
      summaryText: "Arrange and describe manuscript collections.",
      imageUrl: "https://archives.example.net/img/boxes.jpg",
    });
    expect(first?.published?.toISOString()).toBe("2025-03-05T14:00:00.000Z");
    // Only `updated`: that is the date. A plain-text summary keeps its brackets as text.
    expect(second?.published?.toISOString()).toBe("2025-03-01T15:00:00.000Z");
    expect(second?.summaryText).toBe("Plain text summary with a <literal> bracket.");
    expect(second?.summaryHtml).toBe("Plain text summary with a &lt;literal&gt; bracket.");
  });

  it("reads RDF / RSS 1.0", () => {
    const feed = parseFixture("rdf.xml");
    expect(feed.title).toBe("State Library News");
    const [first] = feed.items;
    expect(first).toMatchObject({
      id: "https://state-library.example.gov/news/residency",
      title: "New residency program for early-career librarians",
      link: "https://state-library.example.gov/news/residency?ref=rss",
      author: "Office of Library Development",
      summaryText: "Applications open in April.",
    });
    expect(first?.published?.toISOString()).toBe("2025-02-20T14:00:00.000Z");
  });

  it("reads a WordPress feed with a newline before the prolog, entities and content:encoded", () => {
    const feed = parseFixture("wordpress.xml");
    expect(feed.title).toBe("Hack Library School – By, for, and about library students");
    const [item] = feed.items;
    expect(item).toMatchObject({
      id: "https://hls.example.com/?p=4242",
      title: "What I wish I’d known before my first MLIS job hunt & more",
      link: "https://hls.example.com/2025/03/05/first-job-hunt/",
      author: "Priya N.",
      summaryText:
        "Job hunting after library school can feel overwhelming … Here is what helped me. … Continue reading",
      imageUrl: "https://hls.example.com/wp-content/uploads/2025/03/desk.jpg?w=800&h=600",
    });
  });

  it("reads an ISO-8859-1 feed from its bytes", () => {
    const bytes = fixture("latin1.xml");
    expect(bytes.includes(Buffer.from("Médiathécaire"))).toBe(false);
    const feed = parseFeed(decodeFeedBytes(bytes));
    expect(feed.title).toBe("Bibliothèque municipale – offres");
    expect(feed.items[0]?.title).toBe("Médiathécaire jeunesse à Zürich (CDD)");
    expect(feed.items[0]?.summaryText).toBe(
      "Poste à pourvoir : accueil, animations, médiation numérique. Salaire : 2 100 €.",
    );
  });

  it("reads RSS 0.91 and takes an image from media:content", () => {
    const feed = parseFeed(`<?xml version="1.0"?>
      <rss version="0.91" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Old school</title>
      <link>https://old.example.org/</link><description>d</description>
      <item><title>Reference desk shifts</title><link>https://old.example.org/shifts</link>
      <media:content url="https://old.example.org/video.mp4" type="video/mp4"/>
      <media:content url="https://old.example.org/desk.jpg" medium="image"/></item>
      </channel></rss>`);
    expect(feed.items).toEqual([
      {
        id: "https://old.example.org/shifts",
        title: "Reference desk shifts",
        link: "https://old.example.org/shifts",
        summaryText: "",
        imageUrl: "https://old.example.org/desk.jpg",
      },
    ]);
  });

  it("reads a feed with no items", () => {
    expect(parseFixture("empty.xml")).toEqual({
      title: "Quiet Feed",
      link: "https://quiet.example.org/",
      items: [],
    });
  });

  it("says an HTML page, other XML, JSON or plain text is not a feed", () => {
    expect(notAFeed(fixture("html-page.html").toString())).toBe("not a feed: looks like an HTML page");
    expect(notAFeed("<?xml version='1.0'?><note><to>Tove</to></note>")).toBe(
      "not a feed: no RSS, Atom or RDF element",
    );
    expect(notAFeed('{"version":"https://jsonfeed.org/version/1.1","items":[]}')).toBe(
      "not a feed: JSON Feed is not supported",
    );
    expect(notAFeed("Service unavailable")).toBe("not a feed: not XML");
    expect(notAFeed("  \n")).toBe("not a feed: the document is empty");
  });

  it("does not expand an entity bomb (billion laughs)", () => {
    const started = performance.now();
    const heapBefore = process.memoryUsage().heapUsed;
    const feed = parseFixture("billion-laughs.xml");
    expect(performance.now() - started).toBeLessThan(1000);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(50 * 1024 * 1024);
    // fast-xml-parser runs with entity processing off and ignores entities that refer to others,
    // so the references stay as literal text instead of growing to 10^9 "lol"s.
    expect(feed.items[0]?.title).toBe("&lol9;");
    expect(feed.items[0]?.summaryText).toBe("&lol9;&lol9;&lol9;");
  });

  it("does not expand one large entity used many times either", () => {
    const big = "x".repeat(100_000);
    const xml = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY big "${big}">]><rss version="2.0"><channel><title>t</title><item><guid>g</guid><title>${"&big;".repeat(10_000)}</title></item></channel></rss>`;
    const feed = parseFeed(xml);
    expect(feed.items[0]?.title.length).toBe("&big;".length * 10_000);
  });

  it("falls back to a hash of title and date for an item with no guid or link", () => {
    const xml = (title: string) =>
      `<rss version="2.0"><channel><title>t</title><item><title>${title}</title><pubDate>Mon, 03 Mar 2025 12:00:00 GMT</pubDate></item></channel></rss>`;
    const id = parseFeed(xml("Same")).items[0]?.id;
    expect(id).toMatch(/^hash:[0-9a-f]{32}$/);
    expect(parseFeed(xml("Same")).items[0]?.id).toBe(id);
    expect(parseFeed(xml("Other")).items[0]?.id).not.toBe(id);
  });

  it("keeps summaries to 300 characters, cut at a word", () => {
    const words = Array.from({ length: 120 }, (_, index) => `word${index}`).join(" ");
    const xml = `<rss version="2.0"><channel><title>t</title><item><guid>g</guid><description><![CDATA[<p>${words}</p>]]></description></item></channel></rss>`;
    const text = parseFeed(xml).items[0]?.summaryText ?? "";
    expect(text.length).toBeLessThanOrEqual(SUMMARY_MAX);
    expect(text.endsWith("…")).toBe(true);
    expect(words.startsWith(text.slice(0, -1))).toBe(true);
    expect(text.at(-2)).toMatch(/\d/);
    expect(truncateAtWord("short text", 300)).toBe("short text");
  });
});
