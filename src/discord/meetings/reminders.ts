import { time, userMention } from "discord.js";
import type { Reply } from "../../core/respond.js";
import { safeText } from "../../core/safe-text.js";
import type { InterviewRequest } from "../../domain/requests/index.js";
import { agreedTime } from "../../domain/requests/meeting.js";
import { type Place, pingPair } from "./pair.js";

const stamp = (at: number, style: "F" | "R"): string => time(Math.floor(at / 1000), style);

/**
 * The reminder before an agreed time. In their thread it pings the two of them only; by DM each is
 * told whom they meet. The start shows in each reader's own time zone.
 */
export function reminderMessage(
  request: InterviewRequest,
  mentorName: string,
  place: Place,
  to?: "seeker" | "librarian",
): Reply {
  const startsAt = agreedTime(request.meeting)?.startsAt ?? Date.now();
  const when = `${stamp(startsAt, "F")} (${stamp(startsAt, "R")})`;
  if (place === "thread")
    return {
      content: `⏰ ${userMention(request.seekerId)} ${userMention(request.mentorId)} A reminder: your informational interview is ${when}.`,
      ...pingPair(request),
    };
  const other = to === "librarian" ? safeText(request.seekerName) : safeText(mentorName);
  return { content: `⏰ A reminder: your informational interview with **${other}** is ${when}.` };
}

/** A lead as the nonce carries it: whole seconds. */
export const leadSeconds = (leadMs: number): string => String(Math.round(leadMs / 1000));
