import type { InterviewRequest } from "../../domain/requests/index.js";
import type { ButtonRow } from "../requests/card.js";

/**
 * The rows that let the two pick a time, added under the first-contact nudge and under "We moved
 * it". The scheduling side's slot picker goes here; until then there is none.
 */
export function slotPickerRows(_request: InterviewRequest): ButtonRow[] {
  return [];
}
