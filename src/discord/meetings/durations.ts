import ms from "ms";
import type { Config } from "../../config.js";

const long = (value: number): string => ms(value, { long: true });

/** The follow-through's durations in a sentence, for /config and /help. */
export function meetingTimesText(
  config: Pick<
    Config,
    "meetingRemindersMs" | "attendanceCheckMs" | "firstContactNudgeMs" | "unscheduledCloseMs"
  >,
): string {
  const leads = config.meetingRemindersMs.map(long);
  const reminders = leads.length > 1 ? `${leads.slice(0, -1).join(", ")} and ${leads.at(-1)}` : leads[0];
  return (
    `reminders go ${reminders} before an agreed time, and both are asked whether it happened ` +
    `${long(config.attendanceCheckMs)} after its start; with no time agreed, both are nudged ` +
    `${long(config.firstContactNudgeMs)} after Accept and the interview closes after ${long(config.unscheduledCloseMs)}`
  );
}
