import type { Client } from "discord.js";
import { type Reply, sendDm } from "../../core/respond.js";
import type { BotContext } from "../../core/types.js";
import type { InterviewRequest } from "../../domain/requests/index.js";
import { deliver, isPassingFailure } from "../shared/post.js";

/** Who a message is for: both in the thread, or one of them by DM. */
export type Audience = "thread" | "seeker" | "librarian";

/** A DM; false when they take no DMs or Discord refuses for good, a passing failure thrown (see deliver). */
async function dm(client: Client, context: BotContext, userId: string, reply: Reply): Promise<boolean> {
  try {
    return await sendDm(await client.users.fetch(userId), reply);
  } catch (error) {
    if (isPassingFailure(error)) throw error;
    context.logger.warn({ err: error, userId }, "could not DM a user about their interview");
    return false;
  }
}

/**
 * Sends to both people: in their thread when there is one, else to each by DM. `nonce` (at most
 * 23 characters) makes a repeat after a crash or a retry a no-op; each DM adds a letter to it.
 * Resolves to whether anyone was reached. A passing failure of Discord is thrown, so what is owed
 * stays owed and is sent again.
 */
export async function tellBoth(
  client: Client,
  context: BotContext,
  request: InterviewRequest,
  build: (audience: Audience) => Reply,
  nonce: string,
): Promise<boolean> {
  if (request.threadId && (await deliver(client, context, request.threadId, { ...build("thread"), nonce })))
    return true;
  const seeker = await dm(client, context, request.seekerId, { ...build("seeker"), nonce: `${nonce}s` });
  const librarian = await dm(client, context, request.mentorId, {
    ...build("librarian"),
    nonce: `${nonce}l`,
  });
  return seeker || librarian;
}

/** Sends to the other of the two than `by`: in the thread (mentioning them) or by DM. */
export async function tellOther(
  client: Client,
  context: BotContext,
  request: InterviewRequest,
  by: string,
  build: (audience: Audience) => Reply,
  nonce: string,
): Promise<void> {
  if (request.threadId && (await deliver(client, context, request.threadId, { ...build("thread"), nonce })))
    return;
  const seekerIsOther = by !== request.seekerId;
  await dm(client, context, seekerIsOther ? request.seekerId : request.mentorId, {
    ...build(seekerIsOther ? "seeker" : "librarian"),
    nonce,
  });
}
