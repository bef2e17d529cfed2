export { NOT_TAKING_REQUESTS } from "./messages.js";
export * from "./request.js";
export * from "./service.js";
export { type RequestEvent, type Transition, transition } from "./state.js";
export * from "./timers.js";
