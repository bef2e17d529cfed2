// A few made-up career-article feeds on 127.0.0.1, so /feeds can be tried without the internet.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface SampleArticle {
  slug: string;
  title: string;
  author: string;
  summary: string;
  /** Days before the server started; 0 for articles published while it runs. */
  daysAgo: number;
}

export interface SampleFeed {
  path: string;
  title: string;
  format: "rss" | "atom";
  /** Newest first. */
  articles: SampleArticle[];
  /** Published one at a time by `publishNext`, to see the bot post a new article. */
  upcoming: SampleArticle[];
}

const FEEDS: SampleFeed[] = [
  {
    path: "/library-careers.rss",
    title: "Library Career Notes",
    format: "rss",
    articles: [
      {
        slug: "reading-a-library-job-ad",
        title: "Reading a library job ad: what the required qualifications really mean",
        author: "Priya Natarajan",
        summary:
          "Search committees score applications against the required list, line by line. How to answer each item in your cover letter, and when a preferred qualification is worth a paragraph.",
        daysAgo: 2,
      },
      {
        slug: "first-year-as-a-branch-librarian",
        title: "My first year as a branch librarian",
        author: "Tomás Ferreira",
        summary:
          "Storytimes, a broken printer and a budget spreadsheet: what a small branch taught me that library school did not.",
        daysAgo: 6,
      },
      {
        slug: "informational-interviews-that-worked",
        title: "Five informational interviews that changed my job search",
        author: "Hannah Okafor",
        summary:
          "Short conversations with working librarians pointed me to jobs I had never heard of. What I asked, and how I said thank you.",
        daysAgo: 11,
      },
    ],
    upcoming: [
      {
        slug: "salary-negotiation-in-public-libraries",
        title: "Negotiating salary when the pay scale is public",
        author: "Priya Natarajan",
        summary:
          "Civil-service grades leave less room than you think, but the starting step, moving costs and training budgets can often be discussed.",
        daysAgo: 0,
      },
      {
        slug: "portfolio-for-instruction-librarians",
        title: "A teaching portfolio for instruction librarian interviews",
        author: "Hannah Okafor",
        summary:
          "Lesson plans, a short demo and evidence that students learned something: how to put them together before the campus visit.",
        daysAgo: 0,
      },
    ],
  },
  {
    path: "/new-librarians.atom",
    title: "The New Librarians' Desk",
    format: "atom",
    articles: [
      {
        slug: "archives-practicum-guide",
        title: "Getting the most out of an archives practicum",
        author: "Ines Kowalski",
        summary:
          "Ask to process a whole collection, write the finding aid yourself, and keep a list of what you learned for the next interview.",
        daysAgo: 3,
      },
      {
        slug: "law-library-without-a-jd",
        title: "Working in a law library without a law degree",
        author: "Marcus Reyes",
        summary:
          "Public law libraries hire librarians from many backgrounds. Which jobs ask for a JD, which do not, and how reference work differs.",
        daysAgo: 9,
      },
    ],
    upcoming: [
      {
        slug: "remote-library-jobs",
        title: "Remote library jobs: where they are and what they ask for",
        author: "Marcus Reyes",
        summary:
          "Metadata, e-resources and virtual reference are the usual places. How to show you can work well with a team you rarely see.",
        daysAgo: 0,
      },
    ],
  },
];

const escapeXml = (text: string): string =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

const DAY_MS = 24 * 60 * 60_000;

/** Serves the sample feeds until `stop()`; `publishNext()` adds one upcoming article to each feed. */
export class SampleFeedServer {
  readonly #server: Server;
  readonly #feeds: SampleFeed[];
  readonly #publishedAt = new Map<string, number>();
  readonly #startedAt = Date.now();
  #port = 0;

  private constructor() {
    this.#feeds = FEEDS.map((feed) => ({
      ...feed,
      articles: [...feed.articles],
      upcoming: [...feed.upcoming],
    }));
    this.#server = createServer((request, response) => {
      const { status, type, body } = this.#answer(new URL(request.url ?? "/", this.baseUrl).pathname);
      response.writeHead(status, { "content-type": type });
      response.end(body);
    });
  }

  static async start(): Promise<SampleFeedServer> {
    const server = new SampleFeedServer();
    await new Promise<void>((resolve, reject) => {
      server.#server.once("error", reject);
      server.#server.listen(0, "127.0.0.1", () => resolve());
    });
    server.#port = (server.#server.address() as AddressInfo).port;
    return server;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.#port}`;
  }

  /** Each feed's title, format, address and how many articles it has now. */
  feeds(): { title: string; format: string; url: string; articles: number; upcoming: number }[] {
    return this.#feeds.map((feed) => ({
      title: feed.title,
      format: feed.format === "rss" ? "RSS" : "Atom",
      url: `${this.baseUrl}${feed.path}`,
      articles: feed.articles.length,
      upcoming: feed.upcoming.length,
    }));
  }

  /** Moves the next upcoming article of each feed into it, dated now; returns their titles. */
  publishNext(): string[] {
    const published: string[] = [];
    for (const feed of this.#feeds) {
      const next = feed.upcoming.shift();
      if (!next) continue;
      this.#publishedAt.set(next.slug, Date.now());
      feed.articles.unshift(next);
      published.push(`${next.title} (${feed.title})`);
    }
    return published;
  }

  async stop(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #answer(path: string): { status: number; type: string; body: string } {
    const feed = this.#feeds.find((each) => each.path === path);
    if (feed?.format === "rss") return { status: 200, type: "application/rss+xml", body: this.#rss(feed) };
    if (feed) return { status: 200, type: "application/atom+xml", body: this.#atom(feed) };
    const article = this.#feeds.flatMap((each) => each.articles).find((a) => path === `/articles/${a.slug}`);
    if (article) {
      const body = `<!doctype html><title>${escapeXml(article.title)}</title><h1>${escapeXml(article.title)}</h1><p>${escapeXml(article.summary)}</p>`;
      return { status: 200, type: "text/html; charset=utf-8", body };
    }
    return { status: 404, type: "text/plain", body: "Not found" };
  }

  #published(article: SampleArticle): Date {
    return new Date(this.#publishedAt.get(article.slug) ?? this.#startedAt - article.daysAgo * DAY_MS);
  }

  #link(article: SampleArticle): string {
    return `${this.baseUrl}/articles/${article.slug}`;
  }

  #rss(feed: SampleFeed): string {
    const items = feed.articles.map(
      (article) =>
        `<item><title>${escapeXml(article.title)}</title><link>${this.#link(article)}</link>` +
        `<guid isPermaLink="false">${article.slug}</guid><dc:creator>${escapeXml(article.author)}</dc:creator>` +
        `<pubDate>${this.#published(article).toUTCString()}</pubDate>` +
        `<description>${escapeXml(`<p>${article.summary}</p>`)}</description></item>`,
    );
    return (
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>' +
      `<title>${escapeXml(feed.title)}</title><link>${this.baseUrl}/</link>` +
      `<description>Made-up career articles for the Reference Desk sandbox</description>${items.join("")}` +
      "</channel></rss>"
    );
  }

  #atom(feed: SampleFeed): string {
    const updated = feed.articles[0] ? this.#published(feed.articles[0]) : new Date(this.#startedAt);
    const entries = feed.articles.map(
      (article) =>
        `<entry><title>${escapeXml(article.title)}</title><link href="${this.#link(article)}"/>` +
        `<id>urn:sandbox:${article.slug}</id><updated>${this.#published(article).toISOString()}</updated>` +
        `<author><name>${escapeXml(article.author)}</name></author>` +
        `<summary>${escapeXml(article.summary)}</summary></entry>`,
    );
    return (
      '<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">' +
      `<title>${escapeXml(feed.title)}</title><id>urn:sandbox:${feed.path}</id>` +
      `<updated>${updated.toISOString()}</updated><link href="${this.baseUrl}/"/>${entries.join("")}</feed>`
    );
  }
}
