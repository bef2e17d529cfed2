// Prints the items of a feed as the bot reads them, one JSON object a line:
//   npm run feed:preview -- https://example.org/feed.xml
//   npm run feed:preview -- ./some-feed.xml
// URLs are fetched exactly as the bot fetches them; FEED_ALLOW_PRIVATE_HOSTS=true (shell or .env) allows local hosts.
import { readFile } from "node:fs/promises";
import dotenv from "dotenv";
import { loadConfig } from "../src/config.js";
import { decodeFeedBytes } from "../src/domain/feeds/decode.js";
import { failureReason } from "../src/domain/feeds/errors.js";
import { fetchFeed } from "../src/domain/feeds/fetch.js";
import { parseFeed } from "../src/domain/feeds/parse.js";

async function load(target: string): Promise<{ text: string; url?: string }> {
  if (!/^[a-z][a-z\d+.-]*:\/\//i.test(target)) return { text: decodeFeedBytes(await readFile(target)) };
  dotenv.config({ quiet: true });
  const { feedAllowPrivateHosts } = loadConfig(process.env);
  const result = await fetchFeed(target, { allowPrivateHosts: feedAllowPrivateHosts });
  if (result.status !== "ok") throw new Error("unexpected 304 without a cached copy");
  return result;
}

const target = process.argv[2];
if (!target) {
  console.error("Usage: npm run feed:preview -- <url-or-file>");
  process.exit(2);
}
try {
  const { text, url } = await load(target);
  const feed = parseFeed(text, url);
  console.error(`${feed.title || "(untitled feed)"}: ${feed.items.length} items`);
  for (const item of feed.items) {
    const { id, title, link, author, summaryText } = item;
    console.log(
      JSON.stringify({
        id,
        title,
        link,
        published: item.published?.toISOString(),
        author,
        summary: summaryText,
      }),
    );
  }
} catch (error) {
  console.error(`Cannot read ${target}: ${failureReason(error)}`);
  process.exitCode = 1;
}
