export { DEFAULT_FEEDS_CONFIG, type FeedsConfig, feedsConfigFrom } from "./config.js";
export { itemNonce, matchesKeywords } from "./dedupe.js";
export { FeedError, type FeedErrorCode, failureReason } from "./errors.js";
export { type FetchOptions, type FetchResult, fetchFeed, USER_AGENT } from "./fetch.js";
export { type Feed, type FeedItem, parseFeed } from "./parse.js";
export { FeedPoller, type FeedPollerOptions, type PollResult, type PostItem } from "./poller.js";
export type { FeedRecord, FeedState } from "./records.js";
export { type AddFeedInput, type AddFeedResult, FeedService, type FeedServiceOptions } from "./service.js";
