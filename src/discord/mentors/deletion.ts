import type { BotContext } from "../../core/types.js";
import { mentorUnpauseKey } from "../../domain/timers/index.js";

export interface LibrarianDeletion {
  profile: boolean;
  /** An unfinished /mentor join or edit form. */
  form: boolean;
  requests: number;
  blocks: number;
}

/**
 * /mentor leave: the profile, its pause timer, any unfinished form, the requests sent to them and
 * their blocks. Open requests are withdrawn (and the seekers told) by the profile's removal listener.
 * Requests they sent as a seeker stay. Reports they made or that name them as a librarian stay for
 * the moderators under a one-way code of their id. Saved as a deletion job first, so a crash cannot
 * cut it short.
 */
export async function deleteLibrarianData(
  context: BotContext,
  guildId: string,
  userId: string,
): Promise<LibrarianDeletion> {
  const { deletions, clock } = context.services;
  await deletions.start({ guildId, userId, scope: "librarian", startedAt: clock() });
  const { profile, form } = await deleteListing(context, guildId, userId);
  const deleted = await context.services.requests.privacy.deleteAsMentor(guildId, userId);
  await deletions.finish(guildId, userId);
  return { profile, form, ...deleted };
}

/** The profile, its pause timer and any unfinished form. */
export async function deleteListing(context: BotContext, guildId: string, userId: string) {
  const { mentors, mentorDrafts, timers } = context.services;
  const profile = await mentors.leave(guildId, userId);
  await timers.cancel(mentorUnpauseKey(guildId, userId));
  const form = await mentorDrafts.discard(guildId, userId);
  return { profile, form };
}
