import type { Client } from "discord.js";
import type { Reply } from "../../core/respond.js";
import type { BotContext } from "../../core/types.js";
import type { InterviewRequest } from "../../domain/requests/index.js";
import { tellBoth } from "./send.js";

export type Place = "thread" | "dm";

/** Pings exactly the two people of the interview, nobody else. */
export const pingPair = (request: InterviewRequest): Pick<Reply, "allowedMentions"> => ({
  allowedMentions: { parse: [], users: [request.seekerId, request.mentorId] },
});

/** {@link tellBoth} for messages built by place (thread or DM) and, in DMs, by whom they are to. */
export const tellPair = (
  client: Client,
  context: BotContext,
  request: InterviewRequest,
  message: (place: Place, to?: "seeker" | "librarian") => Reply,
  nonce: string,
): Promise<boolean> =>
  tellBoth(
    client,
    context,
    request,
    (audience) => (audience === "thread" ? message("thread") : message("dm", audience)),
    nonce,
  );
