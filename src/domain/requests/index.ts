export { ASKING_STOPPED, NOT_TAKING_REQUESTS, noShowStopText } from "./messages.js";
export { type RequestLimit, RequestRefused } from "./refusal.js";
export {
  type FollowThroughEffect,
  type InterviewRequest,
  REQUEST_LIMITS,
  type RequestEffect,
} from "./request.js";
export { createRequests, type Requests } from "./requests.js";
export { type RequestTimerCallbacks, requestTimerHandlers } from "./timers.js";
