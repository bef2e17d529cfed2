import type { Client } from "discord.js";
import { safeText } from "../../core/safe-text.js";
import type { BotContext, EffectHandler } from "../../core/types.js";
import type { FollowThroughEffect, InterviewRequest } from "../../domain/requests/index.js";
import { alternativesFor } from "../requests/alternatives.js";
import { refreshCard } from "../requests/delivery.js";
import { settled } from "../requests/effects.js";
import { metPrompt } from "../requests/kit.js";
import { deliver, notify } from "../requests/messaging.js";
import { librarianName } from "../requests/names.js";
import { postDispute, recordNoShow } from "./no-show-actions.js";
import { notHeldIntro, notHeldNote } from "./nudge.js";

/** The librarian said it happened: the seeker gets the thank-you template and the private rating by DM. */
async function promptThanks(
  client: Client,
  context: BotContext,
  request: InterviewRequest,
): Promise<boolean> {
  const { ephemeral: _, ...prompt } = metPrompt(request);
  return notify(client, context, request.seekerId, {
    ...prompt,
    content: `**${safeText(librarianName(context, request))}** said your informational interview happened. ${prompt.content ?? ""}`,
    nonce: `thanks-${request.id}`,
  });
}

/** Archives the closed interview's thread; either of the two can still reopen it by writing. */
async function archive(client: Client, context: BotContext, threadId: string): Promise<void> {
  try {
    const thread = await client.channels.fetch(threadId);
    if (thread?.isThread()) await thread.setArchived(true, "no time was agreed for the interview");
  } catch (error) {
    context.logger.warn({ err: error, threadId }, "could not archive a closed interview's thread");
  }
}

/**
 * No time was agreed in time: a kind note closes the thread, which is then archived (without a
 * thread the note reaches the librarian by DM), and the seeker gets the next librarians to ask.
 * Safe to run again: nonces drop repeats.
 */
async function tellNotHeld(client: Client, context: BotContext, request: InterviewRequest): Promise<void> {
  const name = librarianName(context, request);
  const inThread =
    request.threadId !== undefined &&
    (await deliver(client, context, request.threadId, {
      ...notHeldNote(request, name, "thread"),
      nonce: `nh-${request.id}-t`,
    }));
  if (inThread && request.threadId) await archive(client, context, request.threadId);
  else
    await notify(client, context, request.mentorId, {
      ...notHeldNote(request, name, "dm"),
      nonce: `nh-${request.id}-l`,
    });
  await notify(client, context, request.seekerId, {
    ...alternativesFor(context, request, notHeldIntro(name)),
    nonce: `nh-${request.id}-s`,
  });
  await refreshCard(client, context, request);
}

/** How the meetings feature carries out its owed effects, now or after a restart. */
export const FOLLOW_THROUGH_EFFECTS: Record<FollowThroughEffect, EffectHandler> = {
  "prompt-thanks": promptThanks,
  "record-no-show": recordNoShow,
  "post-dispute": postDispute,
  "tell-not-held": tellNotHeld,
};

/** Carries out `effect` and marks it done. */
export const carryOutFollowThrough = (
  client: Client,
  context: BotContext,
  request: InterviewRequest,
  effect: FollowThroughEffect,
): Promise<unknown> =>
  settled(context, request, effect, FOLLOW_THROUGH_EFFECTS[effect](client, context, request));
