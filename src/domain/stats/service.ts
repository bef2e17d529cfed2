import { guildKey, type Store } from "../../store/store.js";
import { UserError } from "../errors.js";
import type { ErrorLogger } from "../timers/scheduler.js";
import { addEvent, type DayCounts, EMPTY_DAY, lastDays, type StatsEvent, utcDay } from "./counts.js";
import { type StatsSummary, summarize } from "./summary.js";

export const STATS_DAYS = { min: 1, max: 365, default: 30 } as const;

/** What the features that count things need: counting never fails the action that caused it. */
export interface StatsCounter {
  /** Adds `event` to its server's counts for the UTC day of `at` (now by default). Never rejects. */
  record(guildId: string, event: StatsEvent, at?: number): Promise<void>;
}

const dayKey = (guildId: string, day: string): string => guildKey(guildId, "stats", day);

/**
 * Per-server, per-UTC-day counters, kept as things happen so /stats reads at most 365 small
 * records instead of every request. Each day is one key changed with `store.update`, so concurrent
 * counts are applied in turn and none is lost. The records hold no user ids (see {@link StatsEvent}):
 * /privacy delete-my-data leaves them as they are.
 */
export class StatsService implements StatsCounter {
  readonly #store: Store;
  readonly #logger: ErrorLogger;
  readonly #clock: () => number;

  constructor(store: Store, options: { logger: ErrorLogger; clock?: () => number }) {
    this.#store = store;
    this.#logger = options.logger;
    this.#clock = options.clock ?? Date.now;
  }

  async record(guildId: string, event: StatsEvent, at = this.#clock()): Promise<void> {
    try {
      await this.#store.update<DayCounts>(dayKey(guildId, utcDay(at)), (day) =>
        addEvent({ ...EMPTY_DAY, ...day }, event),
      );
    } catch (error) {
      // The person's action already happened; a missed count is worth a log line, not an error for them.
      this.#logger.error({ err: error, guildId, event: event.type }, "could not count a stats event");
    }
  }

  /** The last `days` UTC days, today included, added up. */
  async summary(guildId: string, days: number = STATS_DAYS.default): Promise<StatsSummary> {
    const { min, max } = STATS_DAYS;
    if (!Number.isInteger(days) || days < min || days > max) {
      throw new UserError(`Statistics cover ${min} to ${max} days.`);
    }
    const dates = lastDays(this.#clock(), days);
    const stored = await Promise.all(dates.map((day) => this.#store.get<DayCounts>(dayKey(guildId, day))));
    return summarize(stored, dates.at(-1) as string, dates[0] as string);
  }
}
