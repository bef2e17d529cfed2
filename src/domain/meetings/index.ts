import type { Store } from "../../store/store.js";
import type { RequestTimers } from "../requests/records.js";
import type { Requests } from "../requests/requests.js";
import type { SettingsService } from "../settings/index.js";
import { MeetingAttendance } from "./attendance.js";
import { FollowThrough, type MeetingDurations } from "./follow-through.js";
import { NoShows } from "./no-shows.js";

export {
  ATTENDANCE_ANSWERS,
  type AttendanceResult,
  isAttendance,
  isDisputed,
  MeetingAttendance,
  noShowsIn,
  otherOf,
  roleOf,
} from "./attendance.js";
export { FollowThrough, isLiveRound, type MeetingDurations } from "./follow-through.js";
export {
  type ForgiveOutcome,
  NO_SHOW_STOP_MS,
  NO_SHOW_WINDOW_MS,
  type NoShowConsequence,
  type NoShowOutcome,
  type NoShowRecord,
  type NoShowRole,
  NoShows,
} from "./no-shows.js";
export { type MeetingTimerCallbacks, meetingTimerHandlers } from "./timers.js";

/** After Accept: reminders, "did it happen?", the nudge and close, and the no-show ladder. */
export interface Meetings {
  followThrough: FollowThrough;
  attendance: MeetingAttendance;
  noShows: NoShows;
}

interface MeetingsOptions {
  store: Store;
  requests: Requests;
  settings: Pick<SettingsService, "get">;
  timers: RequestTimers;
  durations: MeetingDurations;
  clock: () => number;
}

export function createMeetings(options: MeetingsOptions): Meetings {
  const { store, requests, settings, timers, durations, clock } = options;
  return {
    followThrough: new FollowThrough({ records: requests.records, timers, durations, clock }),
    attendance: new MeetingAttendance(requests.records, clock),
    noShows: new NoShows(store, settings, clock),
  };
}
