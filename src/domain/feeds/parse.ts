import { createHash } from "node:crypto";
import {
  type AnyFeed,
  type AtomFeed,
  DetectError,
  MalformedError,
  type MediaNs,
  parseFeed as parseAnyFeed,
  type RdfFeed,
  type RssFeed,
} from "feedsmith";
import { FeedError } from "./errors.js";
import { escapeHtml, firstImageSrc, htmlToPlainText, truncateAtWord } from "./html.js";

export interface FeedItem {
  /** guid, Atom id or rdf:about exactly as written; else the link; else a hash of title and date. */
  id: string;
  title: string;
  link?: string;
  published?: Date;
  author?: string;
  summaryHtml?: string;
  /** Plain text of the summary, whitespace collapsed, at most {@link SUMMARY_MAX} characters. */
  summaryText: string;
  imageUrl?: string;
}

export interface Feed {
  title: string;
  link?: string;
  items: FeedItem[];
}

export const SUMMARY_MAX = 300;

/** What every format offers, before it is normalised the same way. */
interface RawItem {
  id?: string;
  title?: string;
  titleIsHtml?: boolean;
  link?: string;
  dates: Array<string | undefined>;
  author?: string;
  summaryHtml?: string;
  contentHtml?: string;
  media?: MediaNs.ItemOrFeed;
  imageUrls?: Array<string | undefined>;
}

/**
 * Reads RSS 0.9x/2.0, Atom 1.0 and RDF/RSS 1.0 into one shape. `baseUrl` (where the feed was
 * fetched) resolves relative links. Throws a "not a feed" {@link FeedError} for anything else.
 */
export function parseFeed(text: string, baseUrl?: string): Feed {
  const xml = text.replace(/^[\s\uFEFF]+/, "");
  if (!xml) throw notAFeed("the document is empty");
  if (xml.startsWith("{")) throw notAFeed("JSON Feed is not supported");
  let parsed: AnyFeed;
  try {
    parsed = parseAnyFeed<string>(xml);
  } catch (error) {
    if (error instanceof DetectError) throw notAFeed(describeNonFeed(xml));
    if (error instanceof MalformedError) throw notAFeed("the XML is malformed", error);
    throw notAFeed("no channel or items found", error);
  }
  switch (parsed.format) {
    case "rss":
      return fromRss(parsed.feed, baseUrl);
    case "atom":
      return fromAtom(parsed.feed, baseUrl);
    case "rdf":
      return fromRdf(parsed.feed, baseUrl);
    default:
      throw notAFeed("JSON Feed is not supported");
  }
}

const notAFeed = (why: string, cause?: unknown) =>
  new FeedError("not-a-feed", `not a feed: ${why}`, cause === undefined ? undefined : { cause });

function describeNonFeed(xml: string): string {
  const head = xml.slice(0, 2048);
  if (/<!doctype\s+html|<html[\s>]/i.test(head)) return "looks like an HTML page";
  if (head.startsWith("<")) return "no RSS, Atom or RDF element";
  return "not XML";
}

function fromRss(feed: RssFeed.Feed<string>, baseUrl?: string): Feed {
  const base = baseUrl ?? feed.link;
  return {
    title: feed.title ?? feed.dc?.titles?.[0] ?? "",
    link: feed.link,
    items: (feed.items ?? []).map((item) =>
      normalise(
        {
          id: item.guid?.value,
          title: item.title ?? item.dc?.titles?.[0],
          // A guid stands in for the link only when there is no link and it is a permalink URL.
          link:
            item.link ?? (item.guid?.isPermaLink !== false ? urlOrUndefined(item.guid?.value) : undefined),
          dates: [
            item.pubDate,
            item.dc?.dates?.[0],
            item.dcterms?.issued?.[0],
            item.dcterms?.modified?.[0],
            item.atom?.published,
            item.atom?.updated,
          ],
          author: item.authors?.[0]?.name ?? item.authors?.[0]?.email ?? item.dc?.creators?.[0],
          summaryHtml: item.description,
          contentHtml: item.content?.encoded,
          media: item.media,
          imageUrls: item.enclosures
            ?.filter((enclosure) => enclosure.type?.startsWith("image/"))
            .map((e) => e.url),
        },
        base,
      ),
    ),
  };
}

function fromAtom(feed: AtomFeed.Feed<string>, baseUrl?: string): Feed {
  const feedLink = alternateLink(feed.links);
  const base = baseUrl ?? feedLink;
  return {
    title: atomText(feed.title) ?? "",
    link: feedLink,
    items: (feed.entries ?? []).map((entry) =>
      normalise(
        {
          id: entry.id,
          title: entry.title?.value,
          titleIsHtml: entry.title?.type === "html" || entry.title?.type === "xhtml",
          link: alternateLink(entry.links),
          dates: [entry.published, entry.updated, entry.dc?.dates?.[0], entry.dcterms?.issued?.[0]],
          author: entry.authors?.[0]?.name ?? entry.dc?.creators?.[0],
          summaryHtml: atomHtml(entry.summary),
          contentHtml: atomHtml(entry.content),
          media: entry.media,
        },
        base,
      ),
    ),
  };
}

function fromRdf(feed: RdfFeed.Feed<string>, baseUrl?: string): Feed {
  const base = baseUrl ?? feed.link;
  return {
    title: feed.title ?? feed.dc?.titles?.[0] ?? "",
    link: feed.link,
    items: (feed.items ?? []).map((item) =>
      normalise(
        {
          id: item.rdf?.about,
          title: item.title ?? item.dc?.titles?.[0],
          link: item.link,
          dates: [item.dc?.dates?.[0], item.dcterms?.issued?.[0], item.dcterms?.modified?.[0]],
          author: item.dc?.creators?.[0],
          summaryHtml: item.description,
          contentHtml: item.content?.encoded,
          media: item.media,
        },
        base,
      ),
    ),
  };
}

function normalise(raw: RawItem, base: string | undefined): FeedItem {
  const link = absolute(raw.link, base);
  const published = raw.dates.map(toDate).find((date) => date !== undefined);
  const title = raw.title && raw.titleIsHtml ? htmlToPlainText(raw.title) : (raw.title ?? "");
  const summaryHtml = raw.summaryHtml ?? raw.contentHtml;
  const imageUrl = [
    ...mediaImages(raw.media),
    ...(raw.imageUrls ?? []),
    firstImageSrc(raw.contentHtml ?? ""),
    firstImageSrc(raw.summaryHtml ?? ""),
  ]
    .map((url) => absolute(url?.replaceAll("&amp;", "&"), link ?? base))
    .find((url) => url !== undefined && /^https?:\/\//i.test(url));
  return {
    id: raw.id || raw.link || hashId(title, published),
    title,
    link,
    published,
    author: raw.author,
    summaryHtml,
    summaryText: truncateAtWord(summaryHtml ? htmlToPlainText(summaryHtml) : "", SUMMARY_MAX),
    imageUrl,
  };
}

function mediaImages(media: MediaNs.ItemOrFeed | undefined): Array<string | undefined> {
  if (!media) return [];
  const groups = [media, ...(media.groups ?? [])];
  const isImage = (content: MediaNs.Content) =>
    content.medium === "image" || content.type?.startsWith("image/");
  return [
    ...groups.flatMap((group) => group.thumbnails?.map((thumbnail) => thumbnail.url) ?? []),
    ...groups.flatMap((group) => group.contents?.filter(isImage).map((content) => content.url) ?? []),
  ];
}

function alternateLink(links: Array<AtomFeed.Link<string>> | undefined): string | undefined {
  const alternate = links?.find((link) => link.rel === undefined || link.rel === "alternate");
  return (alternate ?? links?.[0])?.href;
}

const atomText = (text: AtomFeed.Text | undefined) =>
  text?.type === "html" || text?.type === "xhtml" ? htmlToPlainText(text.value) : text?.value;

/** Atom text is plain unless its type says HTML, so plain text is escaped before it is used as HTML. */
function atomHtml(text: AtomFeed.Text | AtomFeed.Content | undefined): string | undefined {
  if (text?.value === undefined) return undefined;
  return text.type === "html" || text.type === "xhtml" ? text.value : escapeHtml(text.value);
}

function toDate(raw: string | undefined): Date | undefined {
  if (!raw) return undefined;
  const date = new Date(raw);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

const hasScheme = /^[a-z][a-z\d+.-]*:/i;

function absolute(url: string | undefined, base: string | undefined): string | undefined {
  if (!url || hasScheme.test(url) || !base) return url;
  try {
    return new URL(url, base).href;
  } catch {
    return url;
  }
}

const urlOrUndefined = (value: string | undefined) =>
  value && /^https?:\/\//i.test(value) ? value : undefined;

function hashId(title: string, published: Date | undefined): string {
  const digest = createHash("sha256")
    .update(`${title}\n${published?.toISOString() ?? ""}`)
    .digest("hex");
  return `hash:${digest.slice(0, 32)}`;
}
