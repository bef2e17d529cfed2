export { type CalendarFile, calendarFile } from "./calendar.js";
export { instantOf, type LocalTime, localTimeOf } from "./local-time.js";
export { type MeetingResult, MeetingScheduler } from "./scheduler.js";
export { offeredSlots, SLOT_LIMITS, type SlotQuery } from "./slots.js";
export {
  cancelMeeting,
  confirm,
  MEETING_LIMITS,
  type MeetingTransition,
  meetingOf,
  NOT_A_PARTY,
  propose,
  reschedule,
} from "./transitions.js";
export { MAX_PROPOSAL_DAYS, parseTypedTime } from "./typed-time.js";
