/**
 * The moderator's trail: one short line in the log channel per event. A guild chooses how much of
 * it it wants; "safety" keeps what a moderator may have to act on.
 */
export type TrailEvent =
  | "join"
  | "edit"
  | "leave"
  | "remove"
  | "bot-pause"
  | "block"
  | "report"
  /** A no-show recorded, or a dispute about one. */
  | "no-show";

export const TRAIL_LEVELS = ["all", "safety", "off"] as const;
export type TrailLevel = (typeof TRAIL_LEVELS)[number];

const SAFETY_EVENTS: ReadonlySet<TrailEvent> = new Set(["remove", "bot-pause", "block", "report", "no-show"]);

export const isTrailLevel = (value: unknown): value is TrailLevel =>
  TRAIL_LEVELS.includes(value as TrailLevel);

/** Whether a guild that chose `level` gets a line for `event`. */
export function trailIncludes(level: TrailLevel, event: TrailEvent): boolean {
  if (level === "all") return true;
  if (level === "safety") return SAFETY_EVENTS.has(event);
  return false;
}
