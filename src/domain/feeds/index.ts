export { DEFAULT_FEEDS_CONFIG, type FeedsConfig, feedsConfigFrom } from "./config.js";
export { itemNonce, matchesKeywords } from "./dedupe.js";
export { FeedError, type FeedErrorCode, failureReason } from "./errors.js";
// fetch.js and parse.js are left out: see reader.ts.
export type { FetchOptions, FetchResult } from "./fetch.js";
export type { Feed, FeedItem } from "./parse.js";
export { FeedPoller, type FeedPollerOptions, type PollResult, type PostItem } from "./poller.js";
export type { FeedRecord, FeedState } from "./records.js";
export { type AddFeedInput, type AddFeedResult, FeedService, type FeedServiceOptions } from "./service.js";
