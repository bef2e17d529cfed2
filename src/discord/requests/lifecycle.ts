import type { Client } from "discord.js";
import type { BotContext } from "../../core/types.js";
import type { InterviewRequest, RequestTimerCallbacks } from "../../domain/requests/index.js";
import {
  isMentorUnpausePayload,
  isRequestTimerPayload,
  type TimerHandler,
} from "../../domain/timers/index.js";
import { refreshCard } from "./delivery.js";
import { carryOut, carryOutInOrder } from "./effects.js";
import { guildNameOf, notify } from "./messaging.js";

/** What the request timers do on Discord once the domain has saved the change. */
export function requestCallbacks(client: Client, context: BotContext): RequestTimerCallbacks {
  return {
    async expired(request, { shouldPause }) {
      await carryOut(client, context, request, "tell-expired");
      if (shouldPause) await carryOut(client, context, request, "pause-librarian");
    },
  };
}

/**
 * For a request another process changed (a librarian's DM button on another shard): carries out
 * what it owes, as saved (the guild is synced before any timer handler), then redraws the
 * librarian's card.
 */
export function owedEffectsHandler(client: Client, context: BotContext): TimerHandler {
  return async (timer) => {
    if (!isRequestTimerPayload(timer.payload)) {
      context.logger.error({ timer: timer.key }, "request-effects timer with a malformed payload dropped");
      return;
    }
    const { guildId, requestId } = timer.payload;
    const { records } = context.services.requests;
    const owed = records.get(guildId, requestId);
    // A failure is thrown: the scheduler tries again later, with backoff.
    if (owed) await carryOutInOrder(client, context, owed);
    const done = records.get(guildId, requestId);
    if (done) await refreshCard(client, context, done);
  };
}

/** At the end of a timed pause: list the librarian again, unless their pause changed since. */
export function unpauseHandler(client: Client, context: BotContext): TimerHandler {
  return async (timer) => {
    if (!isMentorUnpausePayload(timer.payload)) {
      context.logger.error({ timer: timer.key }, "mentor-unpause timer with a malformed payload dropped");
      return;
    }
    const { guildId, mentorId } = timer.payload;
    const profile = context.services.mentors.get(guildId, mentorId);
    // The scheduler ran it at dueAt by the services' clock; a pause that now ends later changed since.
    if (profile?.pausedUntil === undefined || profile.pausedUntil > timer.dueAt) return;
    await context.services.mentors.resume(guildId, mentorId);
    await notify(client, context, mentorId, {
      content: `Your pause on **${guildNameOf(client, guildId)}** is over: seekers can find you and ask you again.`,
    });
  };
}

/**
 * Tells the other person of each withdrawn request, redraws the librarian's card and closes the
 * thread's conversation with a note (each request says whom to tell: see RequestEffect).
 */
export async function announceWithdrawn(
  client: Client,
  context: BotContext,
  withdrawn: readonly InterviewRequest[],
): Promise<void> {
  for (const request of withdrawn) {
    for (const effect of request.effects ?? []) {
      if (effect === "tell-seeker-withdrawn" || effect === "tell-librarian-withdrawn")
        await carryOut(client, context, request, effect);
    }
  }
}

/** A librarian left the directory (or was removed): their open requests are withdrawn and the seekers told. */
export function onMentorRemoved(client: Client, context: BotContext) {
  return async ({ guildId, userId }: { guildId: string; userId: string }): Promise<void> => {
    const { withdrawn } = await context.services.requests.privacy.withdrawAllFor(guildId, userId, "mentor");
    await announceWithdrawn(client, context, withdrawn);
  };
}
