import { type Client, userMention } from "discord.js";
import type { BotContext, EffectHandler } from "../../core/types.js";
import { MentorNotFoundError } from "../../domain/mentors/index.js";
import type { FollowThroughEffect, InterviewRequest, RequestEffect } from "../../domain/requests/index.js";
import { requestEffectsKey, TIMER_KINDS } from "../../domain/timers/index.js";
import { addToTrail } from "../shared/moderators.js";
import { alternativesFor } from "./alternatives.js";
import { connect } from "./connect.js";
import { deliverToMentor, refreshCard } from "./delivery.js";
import { deliver, guildNameOf, notify } from "./messaging.js";
import { librarianName } from "./names.js";
import { declinedIntro, expiredIntro, pauseNotice, withdrawnNotice, withdrawnThreadNote } from "./notices.js";

/** The effects the requests feature carries out itself; the meetings feature adds its own (bot.ts). */
type RequestsOwnEffect = Exclude<RequestEffect, FollowThroughEffect | `meeting-${string}`>;

/**
 * What each of the requests' own effects does on Discord. Each is safe to run again after a crash:
 * it checks what is done already, and its messages carry nonces, so Discord drops a repeat.
 */
export const REQUEST_EFFECTS: Record<RequestsOwnEffect, EffectHandler> = {
  deliver: deliverToMentor,
  connect,
  "tell-declined": tellDeclined,
  "tell-expired": tellExpired,
  "pause-librarian": pauseLibrarian,
  "tell-seeker-withdrawn": tellSeekerWithdrawn,
  "tell-librarian-withdrawn": tellLibrarianWithdrawn,
};

/** Carries out `effect` for `request` now and marks it done. */
export async function carryOut(
  client: Client,
  context: BotContext,
  request: InterviewRequest,
  effect: RequestEffect,
): Promise<unknown> {
  try {
    return await settled(context, request, effect, context.effects[effect](client, context, request));
  } catch (error) {
    // The change is saved and the effect still owed: a timer tries again soon (with backoff after
    // that), so the person who acted is not told it failed. Undefined tells the caller it is pending.
    const { guildId, id: requestId } = request;
    context.logger.warn(
      { err: error, guildId, requestId, effect },
      "an owed effect failed; it will be tried again",
    );
    await retrySoon(context, request);
    return undefined;
  }
}

/** How soon a failed effect is tried again. */
const OWED_RETRY_MS = 10_000;

/** Waits for `work`, the carrying out of `effect`, then marks the effect done; resolves to its result. */
export async function settled<T>(
  context: BotContext,
  request: InterviewRequest,
  effect: RequestEffect,
  work: Promise<T>,
): Promise<T> {
  const result = await work;
  await context.services.requests.lifecycle.settle(request.guildId, request.id, effect);
  return result;
}

/**
 * At start-up: carries out every effect the guild (synced first) still owes, as saved before a crash
 * or a restart. One that fails is logged and stays owed until the next start.
 */
export async function carryOutOwed(client: Client, context: BotContext, guildId: string): Promise<void> {
  for (const request of context.services.requests.queries.owingEffects(guildId)) {
    try {
      await carryOutInOrder(client, context, request);
    } catch (error) {
      context.logger.error(
        { err: error, guildId: request.guildId, requestId: request.id },
        "could not carry out what a request still owes; it will be tried again",
      );
      await retrySoon(context, request);
    }
  }
}

/** Carries out what `request` still owes, in order, stopping at the first that fails (thrown). */
export async function carryOutInOrder(
  client: Client,
  context: BotContext,
  request: InterviewRequest,
): Promise<void> {
  const { records } = context.services.requests;
  for (const effect of request.effects ?? []) {
    const current = records.get(request.guildId, request.id);
    if (!current?.effects?.includes(effect)) continue;
    await settled(context, current, effect, context.effects[effect](client, context, current));
  }
}

/** Schedules the owed-effects timer of `request`, unless one is already set. */
async function retrySoon(context: BotContext, request: InterviewRequest): Promise<void> {
  const { guildId, id: requestId } = request;
  const { timers, clock } = context.services;
  const payload = { guildId, requestId };
  await timers.ensure(
    requestEffectsKey(guildId, requestId),
    clock() + OWED_RETRY_MS,
    TIMER_KINDS.requestEffects,
    payload,
  );
}

/** Tells the seeker kindly that the librarian declined, and who else they could ask. */
export function tellDeclined(
  client: Client,
  context: BotContext,
  request: InterviewRequest,
): Promise<boolean> {
  const intro = declinedIntro(librarianName(context, request), request.declineReason);
  return notify(client, context, request.seekerId, {
    ...alternativesFor(context, request, intro),
    nonce: `declined-${request.id}`,
  });
}

/** Redraws the librarian's card and tells the seeker the request expired, with others to ask. */
export async function tellExpired(
  client: Client,
  context: BotContext,
  request: InterviewRequest,
): Promise<void> {
  await refreshCard(client, context, request);
  await notify(client, context, request.seekerId, {
    ...alternativesFor(context, request, expiredIntro(librarianName(context, request))),
    nonce: `expired-${request.id}`,
  });
}

/** The librarian left the directory or deleted their data: the seeker is told, and the thread closed. */
async function tellSeekerWithdrawn(
  client: Client,
  context: BotContext,
  request: InterviewRequest,
): Promise<void> {
  const name = librarianName(context, request);
  await notify(client, context, request.seekerId, {
    content: withdrawnNotice(request, true, name),
    nonce: `withdrawn-${request.id}`,
  });
  if (request.threadId)
    await deliver(client, context, request.threadId, {
      ...withdrawnThreadNote(name),
      nonce: `closed-${request.id}`,
    });
}

/** The seeker deleted their data: the librarian is told, their card redrawn, and the thread closed. */
async function tellLibrarianWithdrawn(
  client: Client,
  context: BotContext,
  request: InterviewRequest,
): Promise<void> {
  await notify(client, context, request.mentorId, {
    content: withdrawnNotice(request, false, request.seekerName),
    nonce: `withdrawn-${request.id}`,
  });
  await refreshCard(client, context, request);
  if (request.threadId)
    await deliver(client, context, request.threadId, {
      ...withdrawnThreadNote(request.seekerName),
      nonce: `closed-${request.id}`,
    });
}

/** Pauses a librarian who let too many requests in a row expire, and tells them why. */
export async function pauseLibrarian(
  client: Client,
  context: BotContext,
  request: InterviewRequest,
): Promise<void> {
  const count = context.services.settings.get(request.guildId).autoPauseAfterExpiries;
  try {
    await context.services.mentors.pause(
      request.guildId,
      request.mentorId,
      undefined,
      count === 1
        ? "an interview request expired without an answer"
        : `${count} interview requests in a row expired without an answer`,
    );
  } catch (error) {
    // They left the directory meanwhile: nothing to pause.
    if (error instanceof MentorNotFoundError) return;
    throw error;
  }
  await addToTrail(client, context, request.guildId, "bot-pause", {
    content:
      `⏸️ I paused ${userMention(request.mentorId)}: ` +
      (count === 1
        ? "an interview request to them expired without an answer."
        : `the last ${count} interview requests to them expired without an answer.`),
    nonce: `trail-pause-${request.id}`,
  });
  await notify(client, context, request.mentorId, {
    ...pauseNotice(guildNameOf(client, request.guildId), count),
    nonce: `paused-${request.id}`,
  });
}
