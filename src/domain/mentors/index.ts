export {
  AVAILABILITY_LIMITS,
  type AwayRange,
  formatAwayDates,
  formatWeeklyWindows,
  isAway,
  parseAwayDates,
  parseWeeklyWindows,
  summarizeWindows,
  WEEKDAYS,
  type WeeklyWindow,
} from "./availability.js";
export { type MentorDemand, NO_DEMAND } from "./demand.js";
export {
  isPaused,
  MEETING_FORMATS,
  type MeetingFormat,
  type MentorDetails,
  type MentorProfile,
  PROFILE_LIMITS,
  type ProfileInput,
  type ValidProfileInput,
  validateProfileInput,
} from "./profile.js";
export { type ScoreBreakdown, TIME_ZONE_BAND_HOURS } from "./ranking.js";
export type {
  NearbyType,
  RankedMentor,
  SearchQuery,
  SearchResult,
} from "./search.js";
export {
  MAX_PAUSE_DAYS,
  MENTOR_COLLECTION,
  MentorNotFoundError,
  type MentorRemoval,
  MentorService,
  type MentorServiceOptions,
  type ProfileChanges,
  type RemovalListener,
} from "./service.js";
export {
  normalizeTimeZone,
  parseTimeZone,
  type TimeZone,
  timeZoneDistanceHours,
  utcOffsetMinutes,
} from "./timezone.js";
