export { type DayCounts, hoursBetween, type StatsEvent, utcDay } from "./counts.js";
export { STATS_DAYS, type StatsCounter, StatsService } from "./service.js";
export { median, type StatsSummary } from "./summary.js";
