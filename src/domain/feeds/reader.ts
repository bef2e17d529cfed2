/**
 * fetchFeed and parseFeed, loaded at first use rather than at start-up: they bring undici, feedsmith
 * and html-to-text, which the bot needs only once it reads a feed.
 */
export async function loadFeedReader() {
  const [{ fetchFeed }, { parseFeed }] = await Promise.all([import("./fetch.js"), import("./parse.js")]);
  return { fetchFeed, parseFeed };
}
