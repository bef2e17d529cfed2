import type { Store } from "../../store/store.js";
import type { SettingsService } from "../settings/index.js";
import type { StatsCounter } from "../stats/index.js";
import type { ErrorLogger } from "../timers/scheduler.js";
import { BLOCK_COLLECTION, RequestBlocks } from "./blocks.js";
import { RequestDemand } from "./demand.js";
import { ExpiryStreaks } from "./expiry-streaks.js";
import { RequestLifecycle } from "./lifecycle.js";
import { OwedWork } from "./owed-work.js";
import { RequestPrivacy } from "./privacy.js";
import { RequestQueries } from "./queries.js";
import { REQUEST_COLLECTION, RequestRecords, type RequestTimers } from "./records.js";
import { REPORT_COLLECTION, RequestReports } from "./reports.js";
import { SAFETY_BLOCK_COLLECTION, SAFETY_COOLDOWN_COLLECTION, SafetyRecords } from "./safety.js";
import { KEPT_STOP_COLLECTION, SeekerStops, STOP_COLLECTION } from "./seeker-stops.js";

/** The interview-request feature, in its parts; they share one store and one in-memory index. */
export interface Requests {
  /** Each request by id, and the one way a stored request changes. */
  records: RequestRecords;
  lifecycle: RequestLifecycle;
  blocks: RequestBlocks;
  privacy: RequestPrivacy;
  /** Reports of requests, one per person per request, and what moderators did about them. */
  reports: RequestReports;
  /** Seekers a moderator stopped from asking anyone on the server. */
  stops: SeekerStops;
  /** What a seeker's deletion keeps to protect librarians, under a one-way code of their id. */
  safety: SafetyRecords;
  /** For search, and the limits a new request must pass. */
  demand: RequestDemand;
  queries: RequestQueries;
  /** The guilds that may owe effects or reports, for start-up. */
  owed: OwedWork;
  /** The store collections the in-memory indexes hold. */
  collections: readonly string[];
  /** Loads one guild's indexes from the store, replacing what was held (every guild's without `guildId`). */
  load(guildId?: string): Promise<void>;
}

interface RequestsOptions {
  store: Store;
  settings: Pick<SettingsService, "get">;
  /** REQUEST_EXPIRY: how long a librarian has to answer. */
  requestExpiryMs: number;
  /** FIRST_CONTACT_NUDGE: how long after acceptance both are nudged if no time is agreed. */
  firstContactNudgeMs: number;
  /** UNSCHEDULED_CLOSE: how long after acceptance an interview with no agreed time closes. */
  unscheduledCloseMs: number;
  timers?: RequestTimers;
  logger?: ErrorLogger;
  /** Where requests sent, answers, meetings and ratings are counted for /stats. */
  stats?: StatsCounter;
  clock?: () => number;
  newId?: () => string;
}

export function createRequests(options: RequestsOptions): Requests {
  const { store, settings, timers, logger, stats } = options;
  const clock = options.clock ?? Date.now;
  const streaks = new ExpiryStreaks(store, settings);
  const owed = new OwedWork(store);
  const records = new RequestRecords({ store, streaks, clock, timers, logger, stats, owed });
  const blocks = new RequestBlocks(store, records, clock);
  const safety = new SafetyRecords(store, clock);
  const codeOf = (guildId: string, userId: string) => safety.codeOf(guildId, userId);
  const stops = new SeekerStops(store, clock, codeOf);
  const reports = new RequestReports(store, records, clock, codeOf, owed);
  const demand = new RequestDemand(records.index, blocks, safety, settings, stops);
  const lifecycle = new RequestLifecycle({ ...options, records, demand, streaks, clock });
  return {
    records,
    lifecycle,
    blocks,
    privacy: new RequestPrivacy({ records, blocks, streaks, safety, reports, stops, settings, clock }),
    reports,
    stops,
    safety,
    demand,
    queries: new RequestQueries(records.index),
    owed,
    collections: [
      REQUEST_COLLECTION,
      BLOCK_COLLECTION,
      STOP_COLLECTION,
      KEPT_STOP_COLLECTION,
      SAFETY_BLOCK_COLLECTION,
      SAFETY_COOLDOWN_COLLECTION,
      REPORT_COLLECTION,
    ],
    load: async (guildId) => {
      await Promise.all([
        records.load(guildId),
        blocks.load(guildId),
        stops.load(guildId),
        safety.load(guildId),
        reports.load(guildId),
      ]);
    },
  };
}
