import type { Client } from "discord.js";
import type { BotContext } from "../../core/types.js";
import type { InterviewRequest } from "../../domain/requests/index.js";
import { noticeNoChannel } from "./delivery.js";
import { openingMessages } from "./kit.js";
import { notify, openPrivateThread, post } from "./messaging.js";
import { librarianName } from "./names.js";
import { acceptedNotice } from "./notices.js";

interface Connection {
  request: InterviewRequest;
  /** People the details could not be sent to (closed DMs), when there was no thread. */
  unreached: string[];
}

/**
 * Puts the seeker and the librarian in touch once the librarian accepted: a private thread in the
 * mentoring channel with both, opened with the prep kit, and the seeker told by DM where it is.
 * Without a usable mentoring channel, both get the same opening by DM.
 */
export async function connect(
  client: Client,
  context: BotContext,
  accepted: InterviewRequest,
): Promise<Connection> {
  const { mentors, requests, settings } = context.services;
  const { guildId, seekerId, mentorId } = accepted;
  const mentor = mentors.get(guildId, mentorId);
  const mentorName = librarianName(context, accepted);
  const { mentoringChannelId } = settings.get(guildId);
  const thread =
    mentoringChannelId &&
    (await openPrivateThread(client, context, mentoringChannelId, `${accepted.seekerName} & ${mentorName}`, [
      seekerId,
      mentorId,
    ]));
  if (thread) {
    const request = await requests.lifecycle.recordThread(guildId, accepted.id, thread.id);
    await post(
      client,
      context,
      thread.id,
      openingMessages(request, mentorName, mentor, { place: "thread", metButton: true }),
    );
    await notify(client, context, seekerId, acceptedNotice(request, mentorName, thread.id));
    return { request, unreached: [] };
  }
  if (!mentoringChannelId) await noticeNoChannel(client, context, guildId);
  const seekerKit = [
    acceptedNotice(accepted, mentorName),
    ...openingMessages(accepted, mentorName, mentor, { place: "dm", metButton: true }),
  ];
  const mentorKit = openingMessages(accepted, mentorName, mentor, { place: "dm", metButton: false });
  const unreached: string[] = [];
  if (!(await notify(client, context, seekerId, seekerKit))) unreached.push(seekerId);
  if (!(await notify(client, context, mentorId, mentorKit))) unreached.push(mentorId);
  return { request: accepted, unreached };
}
