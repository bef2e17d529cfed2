import type { Config } from "./config.js";
import { AgendaDrafts, AgendaService } from "./domain/agenda/index.js";
import { DeletionJobs } from "./domain/deletions.js";
import { FeedService, feedsConfigFrom } from "./domain/feeds/index.js";
import { GuildVersions } from "./domain/guild-versions.js";
import { FollowThrough } from "./domain/meetings/follow-through.js";
import { MeetingScheduler } from "./domain/meetings/index.js";
import { MentorDrafts } from "./domain/mentors/drafts.js";
import { MentorService } from "./domain/mentors/index.js";
import { createRequests, type Requests } from "./domain/requests/index.js";
import { SettingsService } from "./domain/settings/index.js";
import { StatsService } from "./domain/stats/index.js";
import { TimerScheduler } from "./domain/timers/index.js";
import type { Logger } from "./logger.js";
import type { Store } from "./store/store.js";

/**
 * The domain services commands call. Built once per bot by createBot; nothing is read from the store
 * here: each guild's indexes load on its first {@link Services.syncGuild}.
 */
export interface Services {
  /** The seeker's agenda for an accepted interview: picks in progress, and posting it. */
  agenda: AgendaService;
  feeds: FeedService;
  mentors: MentorService;
  /** /mentor join and edit forms in progress. */
  mentorDrafts: MentorDrafts;
  /** Deletions people asked for, until each is done. */
  deletions: DeletionJobs;
  requests: Requests;
  /** Agreeing a time for an accepted request: proposals, confirmation, reschedule, cancel. */
  meetings: MeetingScheduler;
  /**
   * After Accept: reminders, "did it happen?" and its answers, the first-contact nudge and close,
   * the no-show ladder. The scheduling side tells it when a time is confirmed or cancelled.
   */
  followThrough: FollowThrough;
  settings: SettingsService;
  /** Per-day counts for /stats: searches, requests and how they went. */
  stats: StatsService;
  /** Started by the background jobs once the client is ready, since its handlers talk to Discord. */
  timers: TimerScheduler;
  /** The time every service goes by; commands ask it too, so they agree with the services. */
  clock: () => number;
  /**
   * Brings the guild's in-memory views (librarians, requests and what limits them, settings) up to
   * date with the store, loading them the first time. Await it before reading a guild: the router
   * does for each interaction, background work for the guild it touches.
   */
  syncGuild(guildId: string): Promise<void>;
  /** Which guilds this process has loaded, and when each was last changed. */
  versions: GuildVersions;
}

/** `clock` is Date.now in production; tests move it forward to see pauses end and the like. */
export async function createServices(
  store: Store,
  config: Config,
  logger: Logger,
  clock: () => number = Date.now,
): Promise<Services> {
  const versions = new GuildVersions(store);
  // The services that keep guilds in memory write through a store that stamps the guild's versions.
  const tracked = versions.store;
  const settings = new SettingsService(tracked);
  const timers = new TimerScheduler(store, { logger, clock });
  const mentors = new MentorService({ store: tracked, clock });
  const stats = new StatsService(store, { logger, clock });
  const requests = createRequests({
    store: tracked,
    settings,
    timers,
    logger,
    stats,
    clock,
    requestExpiryMs: config.requestExpiryMs,
    firstContactNudgeMs: config.firstContactNudgeMs,
    unscheduledCloseMs: config.unscheduledCloseMs,
  });
  const followThrough = new FollowThrough({
    store,
    records: requests.records,
    settings,
    timers,
    clock,
    durations: {
      remindersMs: config.meetingRemindersMs,
      attendanceCheckMs: config.attendanceCheckMs,
      firstContactNudgeMs: config.firstContactNudgeMs,
      unscheduledCloseMs: config.unscheduledCloseMs,
      noShowWindowMs: config.noShowWindowMs,
      noShowStopMs: config.noShowStopMs,
    },
  });
  versions.add(settings, mentors, requests);
  mentors.setDemand(requests.demand);
  return {
    agenda: new AgendaService({ drafts: new AgendaDrafts(store), records: requests.records, clock }),
    feeds: new FeedService(store, { config: feedsConfigFrom(config), now: clock }),
    mentors,
    mentorDrafts: new MentorDrafts(store),
    deletions: new DeletionJobs(store),
    requests,
    meetings: new MeetingScheduler({
      records: requests.records,
      clock,
      logger,
      followThrough,
      lateCancelMs: config.lateCancelMs,
    }),
    followThrough,
    settings,
    stats,
    timers,
    clock,
    syncGuild: (guildId) => versions.sync(guildId),
    versions,
  };
}
