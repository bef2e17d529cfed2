import type { Client } from "discord.js";
import type { Reply } from "../../core/respond.js";
import type { BotContext } from "../../core/types.js";
import type { InterviewRequest } from "../../domain/requests/index.js";
import { noticeNoChannel } from "./delivery.js";
import { openingMessages } from "./kit.js";
import { deliver, notify, openPrivateThread } from "./messaging.js";
import { librarianName } from "./names.js";
import { acceptedNotice } from "./notices.js";

/** Numbered nonces for a series of messages, so a repeat of any of them after a crash is dropped. */
const nonced = (replies: Reply[], prefix: string): Reply[] =>
  replies.map((reply, i) => ({ ...reply, nonce: `${prefix}${i}` }));

export interface Connection {
  request: InterviewRequest;
  /** People the details could not be sent to (closed DMs), when there was no thread. */
  unreached: string[];
}

/**
 * Puts the seeker and the librarian in touch once the librarian accepted: a private thread in the
 * mentoring channel with both, opened with the prep kit, and the seeker told by DM where it is.
 * Without a usable mentoring channel, both get the same opening by DM. Run again after a crash, it
 * uses the thread already opened, and messages sent just before the crash are not sent twice (nonces).
 */
export async function connect(
  client: Client,
  context: BotContext,
  accepted: InterviewRequest,
  /** The meetings feature's time picker, posted last in the kit. */
  picker?: (request: InterviewRequest) => Reply,
): Promise<Connection> {
  const { mentors, requests, settings } = context.services;
  const { guildId, seekerId, mentorId } = accepted;
  const mentor = mentors.get(guildId, mentorId);
  const mentorName = librarianName(context, accepted);
  const { mentoringChannelId } = settings.get(guildId);
  const threadId =
    accepted.threadId ??
    (mentoringChannelId &&
      (
        await openPrivateThread(
          client,
          context,
          mentoringChannelId,
          `${accepted.seekerName} & ${mentorName}`,
          [seekerId, mentorId],
        )
      )?.id);
  if (threadId) {
    const request = accepted.threadId
      ? accepted
      : await requests.lifecycle.recordThread(guildId, accepted.id, threadId);
    const kit = openingMessages(request, mentorName, mentor, {
      place: "thread",
      metButton: true,
      picker: picker?.(request),
    });
    await deliver(client, context, threadId, nonced(kit, `kit-${request.id}-`));
    await notify(client, context, seekerId, {
      ...acceptedNotice(request, mentorName, threadId),
      nonce: `accepted-${request.id}`,
    });
    return { request, unreached: [] };
  }
  if (!mentoringChannelId) await noticeNoChannel(client, context, guildId);
  const seekerKit = nonced(
    [
      acceptedNotice(accepted, mentorName),
      ...openingMessages(accepted, mentorName, mentor, {
        place: "dm",
        metButton: true,
        picker: picker?.(accepted),
      }),
    ],
    `kit-s-${accepted.id}-`,
  );
  const mentorKit = nonced(
    openingMessages(accepted, mentorName, mentor, {
      place: "dm",
      metButton: false,
      picker: picker?.(accepted),
    }),
    `kit-l-${accepted.id}-`,
  );
  const unreached: string[] = [];
  if (!(await notify(client, context, seekerId, seekerKit))) unreached.push(seekerId);
  if (!(await notify(client, context, mentorId, mentorKit))) unreached.push(mentorId);
  return { request: accepted, unreached };
}
