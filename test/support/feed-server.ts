import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { conditional, fixture, startServer, type TestServer } from "../feeds/helpers.js";

/** One article of a served feed. */
export interface Article {
  /** The RSS guid. */
  id: string;
  title: string;
  link?: string;
  author?: string;
  /** HTML, escaped into `<description>` as feeds carry it. */
  summary?: string;
  published?: Date;
}

const xmlText = (text: string): string =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

/** An RSS 2.0 document listing `articles` in the order given (feeds put the newest first). */
export function rssDocument(title: string, articles: readonly Article[]): string {
  const items = articles.map((article) => {
    const parts = [
      `<title>${xmlText(article.title)}</title>`,
      `<guid isPermaLink="false">${xmlText(article.id)}</guid>`,
      article.link ? `<link>${xmlText(article.link)}</link>` : "",
      article.author ? `<dc:creator>${xmlText(article.author)}</dc:creator>` : "",
      article.published ? `<pubDate>${article.published.toUTCString()}</pubDate>` : "",
      article.summary ? `<description>${xmlText(article.summary)}</description>` : "",
    ];
    return `<item>${parts.join("")}</item>`;
  });
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>' +
    `<title>${xmlText(title)}</title><link>https://careers.example.org/</link>` +
    `<description>Test feed</description>${items.join("")}</channel></rss>`
  );
}

/** A feed the site serves; tests change `articles` or `outage` and the next fetch sees it. */
export interface ServedFeed {
  url: string;
  title: string;
  /** Newest first. */
  articles: Article[];
  /** While set, every fetch answers this HTTP status instead of the feed. */
  outage: number | undefined;
  /** When each fetch of this feed arrived (epoch ms), in order. */
  fetches: number[];
  /** Puts articles at the top of the feed, as a site publishing them would. */
  publish(...articles: Article[]): void;
}

/**
 * A local site serving RSS feeds built from {@link Article}s, with ETag/Last-Modified and 304s
 * (the server of `test/feeds/`), plus an HTML page and a 404 for failure cases.
 */
export class FeedSite {
  readonly server: TestServer;

  private constructor(server: TestServer) {
    this.server = server;
    server.route("/careers.html", (_request, response) =>
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(fixture("html-page.html")),
    );
  }

  static async start(): Promise<FeedSite> {
    return new FeedSite(await startServer());
  }

  /** The HTML page of a site, which is no feed. */
  get htmlPageUrl(): string {
    return this.server.url("/careers.html");
  }

  /** A path nothing is served at (404). */
  get missingUrl(): string {
    return this.server.url("/no-such-feed.xml");
  }

  /** Serves a new feed at `/<name>.xml`. */
  serve(name: string, title: string, articles: Article[] = []): ServedFeed {
    const path = `/${name}.xml`;
    const feed: ServedFeed = {
      url: this.server.url(path),
      title,
      articles,
      outage: undefined,
      fetches: [],
      publish(...added) {
        feed.articles.unshift(...added);
      },
    };
    const serveContent = conditional(() => rssDocument(feed.title, feed.articles));
    this.server.route(path, (request, response) => {
      feed.fetches.push(Date.now());
      if (feed.outage === undefined) serveContent(request, response);
      else response.writeHead(feed.outage).end("unavailable");
    });
    return feed;
  }

  close(): Promise<void> {
    return this.server.close();
  }
}

/** A URL on 127.0.0.1 at a port nothing listens on (connections are refused). */
export async function unreachableUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/feed.xml`;
}

/** Articles numbered from..to, newest (highest) first, a day apart from 2025-03-01. */
export function articles(prefix: string, from: number, to: number): Article[] {
  const list: Article[] = [];
  for (let n = to; n >= from; n--) {
    list.push({
      id: `${prefix}-${n}`,
      title: `${prefix} article ${n}`,
      link: `https://careers.example.org/${prefix}/${n}`,
      summary: `<p>Summary of ${prefix} article ${n}.</p>`,
      published: new Date(Date.UTC(2025, 2, n)),
    });
  }
  return list;
}
