import type { BotContext } from "../../core/types.js";
import type { InterviewRequest } from "../../domain/requests/index.js";

const STAND_IN = "the librarian";

/** The name of the librarian a request was sent to, from the directory; "the librarian" once they left it. */
export const librarianName = (
  context: BotContext,
  request: Pick<InterviewRequest, "guildId" | "mentorId">,
): string => context.services.mentors.get(request.guildId, request.mentorId)?.displayName ?? STAND_IN;

/** A name that starts a sentence: the stand-in is capitalized, a name someone chose never is. */
export const atSentenceStart = (name: string): string => (name === STAND_IN ? "The librarian" : name);
