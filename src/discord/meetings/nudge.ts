import { userMention } from "discord.js";
import type { Reply } from "../../core/respond.js";
import { safeText } from "../../core/safe-text.js";
import type { InterviewRequest } from "../../domain/requests/index.js";
import { atSentenceStart } from "../requests/names.js";
import { type Place, pingPair } from "./pair.js";

/** FIRST_CONTACT_NUDGE after Accept with no time agreed: a friendly word to both (the picker follows). */
export function nudgeMessage(request: InterviewRequest, mentorName: string, place: Place): Reply {
  const text =
    "A friendly nudge: you haven't agreed a time for your informational interview yet. " +
    "Busy weeks happen! Pick a time that suits you both, even a short one: 20 minutes is plenty.";
  if (place === "thread")
    return {
      content: `${userMention(request.seekerId)} ${userMention(request.mentorId)} ${text}`,
      ...pingPair(request),
    };
  const pair = `**${safeText(request.seekerName)}** and **${safeText(mentorName)}**`;
  return { content: `${pair}: ${text}` };
}

/** In the thread (or to the librarian by DM) when the interview closes with no time agreed. */
export function notHeldNote(request: InterviewRequest, _mentorName: string, place: Place): Reply {
  const text =
    "No time was agreed for this informational interview, so I've closed it. No harm done: " +
    "schedules are hard. Thank you both for trying.";
  return place === "thread"
    ? { content: `${text} I've sent ${safeText(request.seekerName)} other librarians to ask.` }
    : { content: `Your informational interview with **${safeText(request.seekerName)}** is closed: ${text}` };
}

/** Opens the seeker's DM, before the next librarians to ask. */
export const notHeldIntro = (mentorName: string): string =>
  `Your informational interview with **${safeText(atSentenceStart(mentorName))}** is closed because no time ` +
  "was agreed in time. It happens, and it's no mark against you. Here are other librarians you could ask:";

/** After "We moved it": both agree a new time (the picker follows). */
export function movedMessage(byName: string): Reply {
  return {
    content: `🔁 ${safeText(byName)} says you moved the interview. Agree a new time and I'll remind you both again.`,
  };
}
