import type { Config } from "./config.js";
import { FeedService, feedsConfigFrom } from "./feeds/index.js";
import type { Store } from "./store/store.js";

/** The domain services commands call. Built once per bot by createBot. */
export interface Services {
  feeds: FeedService;
}

export async function createServices(store: Store, config: Config): Promise<Services> {
  return {
    feeds: new FeedService(store, { config: feedsConfigFrom(config) }),
  };
}
