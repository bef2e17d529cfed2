// Lives in core, where the router also needs it for the typed text quoted in validation errors.
export { safeText } from "../../core/safe-text.js";
