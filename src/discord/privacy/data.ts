import { type Client, userMention } from "discord.js";
import type { BotContext } from "../../core/types.js";
import { serves } from "../../domain/shards.js";
import { mentorUnpauseKey } from "../../domain/timers/index.js";
import { deleteLibrarianData, deleteListing, type LibrarianDeletion } from "../mentors/deletion.js";
import { redactedCard } from "../requests/card.js";
import { refreshCard } from "../requests/delivery.js";
import { announceWithdrawn } from "../requests/lifecycle.js";
import { addToTrail } from "../shared/moderators.js";

/** Everything the bot keeps about a user in one guild, as it goes into their export file. */
export async function exportData(context: BotContext, guildId: string, userId: string) {
  const { mentors, mentorDrafts, requests, timers, followThrough } = context.services;
  const pauseTimer = await timers.get(mentorUnpauseKey(guildId, userId));
  const noShows = await followThrough.noShows.get(guildId, userId);
  return {
    exportedAt: new Date().toISOString(),
    mentorProfile: mentors.get(guildId, userId) ?? null,
    /** A /mentor join or edit form not finished yet, as typed; it is dropped a day after it was started. */
    unfinishedProfileForm: (await mentorDrafts.get(guildId, userId)) ?? null,
    /** When a timed /mentor pause ends and you are listed again. */
    pauseEndsAt: pauseTimer ? new Date(pauseTimer.dueAt).toISOString() : null,
    /** Requests to you in a row that expired unanswered; reaching the server's limit pauses you. */
    unansweredInARow: await requests.privacy.unansweredInARow(guildId, userId),
    ...requests.privacy.exportFor(guildId, userId),
    /** Interviews the other person said you didn't come to, in the last 90 days (forgiven ones say so). */
    noShows: (noShows?.entries ?? []).map(({ requestId, at, forgiven }) => ({
      requestId,
      at: new Date(at).toISOString(),
      forgiven: forgiven !== undefined,
    })),
  };
}

export interface DeletionSummary extends LibrarianDeletion {
  told: number;
}

/**
 * Deletes a user's data in one guild. Open requests are withdrawn first so the other person hears
 * about it; the librarian's copies of notes this user wrote are blanked; then the profile goes
 * (its removal listeners find nothing left open), with its pause timer and any unfinished form, and
 * the requests, blocks and ratings with it. What protects others from this user is kept, under a
 * one-way code of their id (see SafetyRecords): librarians' blocks, waits, a moderator's stop, and
 * the reports they made or that name them (without the reason).
 */
export async function deleteUserData(
  client: Client,
  context: BotContext,
  guildId: string,
  userId: string,
): Promise<DeletionSummary> {
  const { deletions, clock } = context.services;
  await deletions.start({ guildId, userId, scope: "everything", startedAt: clock() });
  const requests = context.services.requests.privacy;
  const { requestsSent, requestsReceived } = requests.exportFor(guildId, userId);
  const { withdrawn, notify } = await requests.withdrawAllFor(guildId, userId);
  await announceWithdrawn(client, context, withdrawn);
  for (const request of requestsSent) await refreshCard(client, context, request, redactedCard());
  const { profile, form } = await deleteListing(context, guildId, userId);
  const deleted = await requests.deleteAllFor(guildId, userId);
  const gone = [...requestsSent, ...requestsReceived].map((request) => request.id);
  await context.services.agenda.forget(guildId, gone);
  await context.services.followThrough.noShows.delete(guildId, userId);
  if (profile) {
    await addToTrail(client, context, guildId, "leave", {
      content: `➖ ${userMention(userId)} left the volunteer librarians.`,
    });
  }
  await deletions.finish(guildId, userId);
  return { profile, form, ...deleted, told: notify.length };
}

/**
 * At start-up: finishes the deletions a crash cut short. Each step finds what is left, so running
 * one again deletes what remains and tells only those not told yet (their notices are owed effects).
 */
export async function finishDeletions(client: Client, context: BotContext): Promise<void> {
  for (const { guildId, userId, scope } of await context.services.deletions.unfinished()) {
    if (!serves(context.shards(), guildId)) continue;
    try {
      await context.services.syncGuild(guildId);
      if (scope === "everything") await deleteUserData(client, context, guildId, userId);
      else await deleteLibrarianData(context, guildId, userId);
      context.logger.info({ guildId, scope }, "finished a deletion cut short by a restart");
    } catch (error) {
      context.logger.error({ err: error, guildId, scope }, "could not finish a deletion");
    }
  }
}
