import type { Client } from "discord.js";
import type { BotContext } from "../../core/types.js";
import { redactedCard } from "../requests/card.js";
import { refreshCard } from "../requests/delivery.js";
import { announceWithdrawn } from "../requests/lifecycle.js";

/** Everything the bot keeps about a user in one guild, as it goes into their export file. */
export function exportData(context: BotContext, guildId: string, userId: string) {
  return {
    exportedAt: new Date().toISOString(),
    mentorProfile: context.services.mentors.get(guildId, userId) ?? null,
    ...context.services.requests.privacy.exportFor(guildId, userId),
  };
}

export interface DeletionSummary {
  profile: boolean;
  requests: number;
  blocks: number;
  told: number;
}

/**
 * Deletes a user's data in one guild. Open requests are withdrawn first so the other person hears
 * about it; the librarian's copies of notes this user wrote are blanked; then the profile goes
 * (its removal listeners find nothing left open) and the requests, blocks and ratings with it.
 */
export async function deleteUserData(
  client: Client,
  context: BotContext,
  guildId: string,
  userId: string,
): Promise<DeletionSummary> {
  const { mentors } = context.services;
  const requests = context.services.requests.privacy;
  const name = mentors.get(guildId, userId)?.displayName;
  const { requestsSent } = requests.exportFor(guildId, userId);
  const { withdrawn, notify } = await requests.withdrawAllFor(guildId, userId);
  await announceWithdrawn(client, context, withdrawn, userId, name);
  for (const request of requestsSent) await refreshCard(client, context, request, redactedCard());
  const profile = await mentors.leave(guildId, userId);
  const deleted = await requests.deleteAllFor(guildId, userId);
  return { profile, ...deleted, told: notify.length };
}
