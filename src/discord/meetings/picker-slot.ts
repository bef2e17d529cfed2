import type { Reply } from "../../core/respond.js";
import type { BotContext } from "../../core/types.js";
import type { InterviewRequest } from "../../domain/requests/index.js";

/**
 * The scheduling side's time picker, posted as its own message right after the first-contact
 * nudge and after "We moved it", where those went (the thread, or each one's DMs). None until the
 * scheduling side plugs its picker in here.
 */
export function timePicker(_context: BotContext, _request: InterviewRequest): Reply | undefined {
  return undefined;
}
