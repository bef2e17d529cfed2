import type { Config } from "./config.js";
import { MentorService } from "./domain/mentors/index.js";
import { RequestService } from "./domain/requests/index.js";
import { SettingsService } from "./domain/settings/index.js";
import { TimerScheduler } from "./domain/timers/index.js";
import { FeedService, feedsConfigFrom } from "./feeds/index.js";
import type { Logger } from "./logger.js";
import type { Store } from "./store/store.js";

/** The domain services commands call. Built once per bot by createBot; indexes load from the store here. */
export interface Services {
  feeds: FeedService;
  mentors: MentorService;
  requests: RequestService;
  settings: SettingsService;
  /** Started by the background jobs once the client is ready, since its handlers talk to Discord. */
  timers: TimerScheduler;
}

export async function createServices(store: Store, config: Config, logger: Logger): Promise<Services> {
  const settings = new SettingsService(store);
  const timers = new TimerScheduler(store, { logger });
  const mentors = new MentorService({ store });
  const requests = new RequestService({
    store,
    settings,
    timers,
    logger,
    requestExpiryMs: config.requestExpiryMs,
    followUpDelayMs: config.followUpDelayMs,
  });
  await Promise.all([settings.load(), mentors.load(), requests.load()]);
  mentors.setDemand(requests);
  return {
    feeds: new FeedService(store, { config: feedsConfigFrom(config) }),
    mentors,
    requests,
    settings,
    timers,
  };
}
