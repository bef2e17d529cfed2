export * from "./kinds.js";
export {
  type ErrorLogger,
  MAX_TIMEOUT_MS,
  type SchedulerOptions,
  type TimerHandler,
  type TimerRecord,
  TimerScheduler,
} from "./scheduler.js";
