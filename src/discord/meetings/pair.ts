import type { Client } from "discord.js";
import type { Reply } from "../../core/respond.js";
import type { BotContext } from "../../core/types.js";
import type { InterviewRequest } from "../../domain/requests/index.js";
import { notify, post } from "../requests/messaging.js";

export type Place = "thread" | "dm";

/** Pings exactly the two people of the interview, nobody else. */
export const pingPair = (request: InterviewRequest): Pick<Reply, "allowedMentions"> => ({
  allowedMentions: { parse: [], users: [request.seekerId, request.mentorId] },
});

/**
 * Tells both: in their thread when there is one, else each by DM. `nonce` (at most 23 characters)
 * makes a repeat after a crash drop; each DM gets its own. Resolves to whether anyone was reached.
 */
export async function tellPair(
  client: Client,
  context: BotContext,
  request: InterviewRequest,
  message: (place: Place, to?: "seeker" | "librarian") => Reply,
  nonce: string,
): Promise<boolean> {
  if (
    request.threadId &&
    (await post(client, context, request.threadId, { ...message("thread"), nonce: `${nonce}t` }))
  )
    return true;
  const seeker = await notify(client, context, request.seekerId, {
    ...message("dm", "seeker"),
    nonce: `${nonce}s`,
  });
  const librarian = await notify(client, context, request.mentorId, {
    ...message("dm", "librarian"),
    nonce: `${nonce}l`,
  });
  return seeker || librarian;
}
