import { type Client, type MessageCreateOptions, userMention } from "discord.js";
import { type Reply, toMessage } from "../../core/respond.js";
import type { BotContext } from "../../core/types.js";
import type { InterviewRequest } from "../../domain/requests/index.js";
import { tellModerators } from "../shared/moderators.js";
import { type CardOptions, consentCard } from "./card.js";
import { dmMessage, editSent, guildNameOf, openPrivateThread } from "./messaging.js";

/** The librarian's card for the request as it stands now. */
export function cardFor(
  client: Client,
  context: BotContext,
  request: InterviewRequest,
  options: CardOptions = {},
): Reply {
  return consentCard(request, {
    guildName: guildNameOf(client, request.guildId),
    blocked: context.services.requests.blocks.isBlocked(request.guildId, request.mentorId, request.seekerId),
    ...options,
  });
}

/**
 * Sends the new request to its librarian: by DM, or when their DMs are closed, in a private thread
 * of the mentoring channel with only them in it. Where it went is saved so the card can be edited.
 * Returns false when it could not be delivered at all. Run again after a crash, a delivered request
 * is left alone and a card sent just before the crash is not sent twice (its nonce).
 */
export async function deliverToMentor(
  client: Client,
  context: BotContext,
  request: InterviewRequest,
): Promise<boolean> {
  if (request.delivery) return true;
  const { requests, settings } = context.services;
  const card = { ...cardFor(client, context, request), nonce: `deliver-${request.id}` };
  const dm = await dmMessage(client, request.mentorId, card);
  if (dm) {
    await requests.lifecycle.recordDelivery(request.guildId, request.id, { via: "dm", messageId: dm.id });
    return true;
  }
  const { mentoringChannelId } = settings.get(request.guildId);
  const thread =
    mentoringChannelId &&
    (await openPrivateThread(client, context, mentoringChannelId, `Request from ${request.seekerName}`, [
      request.mentorId,
    ]));
  if (!thread) {
    context.logger.warn(
      { guildId: request.guildId, requestId: request.id },
      "request not delivered: DMs closed and no usable mentoring channel",
    );
    if (!mentoringChannelId) await noticeNoChannel(client, context, request.guildId);
    return false;
  }
  const message = await thread.send(
    toMessage({
      ...card,
      content: `${userMention(request.mentorId)} ${card.content ?? ""}`,
      allowedMentions: { parse: [], users: [request.mentorId] },
    }) as MessageCreateOptions,
  );
  await requests.lifecycle.recordDelivery(request.guildId, request.id, {
    via: "thread",
    threadId: thread.id,
    messageId: message.id,
  });
  return true;
}

/** Edits the librarian's card after the request changed elsewhere (expiry, cancel, block…). Best-effort. */
export async function refreshCard(
  client: Client,
  context: BotContext,
  request: InterviewRequest,
  reply: Reply = cardFor(client, context, request),
): Promise<void> {
  const { delivery } = request;
  try {
    if (delivery?.via === "dm")
      await editSent(client, { userId: request.mentorId }, delivery.messageId, reply);
    else if (delivery?.messageId)
      await editSent(client, { channelId: delivery.threadId }, delivery.messageId, reply);
  } catch (error) {
    context.logger.warn(
      { err: error, requestId: request.id },
      "could not update the librarian's request card",
    );
  }
}

/**
 * Tells moderators, once, that the server has no mentoring channel. Without a log channel there is
 * nowhere to say it, so the notice is kept for later; `/config` always shows the gap.
 */
export async function noticeNoChannel(client: Client, context: BotContext, guildId: string): Promise<void> {
  const { settings } = context.services;
  if (!settings.get(guildId).logChannelId) return;
  if (!(await settings.claimNoChannelNotice(guildId))) return;
  await tellModerators(client, context, guildId, undefined, {
    content:
      "Interview requests need a mentoring channel: without one, accepted interviews are connected by DM " +
      "and requests to librarians whose DMs are closed can't be delivered. Set one with `/config mentoring-channel`; " +
      "requests waiting for delivery go out then.",
  });
}

/**
 * With a mentoring channel at last, delivers the guild's requests that could not reach their
 * librarian; resolves to how many went out. One that fails is logged and the rest still go.
 */
export async function deliverWaiting(client: Client, context: BotContext, guildId: string): Promise<number> {
  let delivered = 0;
  for (const request of context.services.requests.queries.undelivered(guildId)) {
    try {
      if (await deliverToMentor(client, context, request)) delivered++;
    } catch (error) {
      context.logger.error(
        { err: error, guildId, requestId: request.id },
        "could not deliver a waiting request",
      );
    }
  }
  return delivered;
}
