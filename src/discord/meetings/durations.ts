import ms from "ms";
import type { Config } from "../../config.js";

/** A duration in words, such as "3 hours" or "14 days". */
export const longDuration = (value: number): string => ms(value, { long: true });

/** The follow-through's durations in a sentence, for /config and /help. */
export function meetingTimesText(
  config: Pick<
    Config,
    | "meetingRemindersMs"
    | "attendanceCheckMs"
    | "firstContactNudgeMs"
    | "unscheduledCloseMs"
    | "slotHorizonMs"
    | "lateCancelMs"
    | "noShowWindowMs"
    | "noShowStopMs"
  >,
): string {
  const leads = config.meetingRemindersMs.map(longDuration);
  const reminders = leads.length > 1 ? `${leads.slice(0, -1).join(", ")} and ${leads.at(-1)}` : leads[0];
  return (
    `reminders go ${reminders} before an agreed time, and both are asked whether it happened ` +
    `${longDuration(config.attendanceCheckMs)} after its start; with no time agreed, both are nudged ` +
    `${longDuration(config.firstContactNudgeMs)} after Accept and the interview closes after ${longDuration(config.unscheduledCloseMs)}; ` +
    `the picker offers times up to ${longDuration(config.slotHorizonMs)} ahead, and a cancel within ${longDuration(config.lateCancelMs)} ` +
    `of the start counts as late; no-shows count for ${longDuration(config.noShowWindowMs)}, and a seeker with too many ` +
    `can't send requests for ${longDuration(config.noShowStopMs)}`
  );
}
