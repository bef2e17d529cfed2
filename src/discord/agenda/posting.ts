import type { Client } from "discord.js";
import { splitText } from "../../core/limits.js";
import type { Reply } from "../../core/respond.js";
import { safeText } from "../../core/safe-text.js";
import type { BotContext } from "../../core/types.js";
import { estimateLine } from "../../domain/agenda/index.js";
import type { InterviewRequest } from "../../domain/requests/index.js";
import { notify, post } from "../requests/messaging.js";

/** The agenda as both of them read it: plain numbered questions and the time they take. */
export function agendaMessage(
  request: InterviewRequest,
  librarianName: string,
  picks: readonly string[],
  meetingMinutes: number,
  update: boolean,
): string {
  const title = update ? "Updated agenda" : "Agenda";
  return [
    `📋 **${title} from ${safeText(request.seekerName)}** for the interview with ${safeText(librarianName)}`,
    ...picks.map((question, i) => `${i + 1}. ${question}`),
    "",
    `${estimateLine(picks.length, meetingMinutes)} A guide for the conversation, not a script.`,
  ].join("\n");
}

/**
 * Into the thread, or by DM to both when there is none, split to fit Discord's limit. The nonces
 * make a repeat after a crash (or a double click) one message each. `delivered` is false when the
 * thread or the librarian could not be reached.
 */
export async function sendAgenda(
  client: Client,
  context: BotContext,
  request: InterviewRequest,
  content: string,
  nonce: string,
): Promise<{ delivered: boolean; where: "thread" | "dm" }> {
  // A nonce is unique per sender, not per channel: each message of each copy gets its own.
  const copy = (suffix: string): Reply[] =>
    splitText(content).map((part, i) => ({ content: part, nonce: `${nonce}${suffix}${i}` }));
  if (request.threadId) {
    return { delivered: await post(client, context, request.threadId, copy("-")), where: "thread" };
  }
  const delivered = await notify(client, context, request.mentorId, copy("l"));
  if (delivered) await notify(client, context, request.seekerId, copy("s"));
  return { delivered, where: "dm" };
}
