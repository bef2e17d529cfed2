import { ButtonStyle, channelLink, channelMention, time } from "discord.js";
import type { Reply } from "../../core/respond.js";
import { safeText } from "../../core/safe-text.js";
import { UserError } from "../../domain/errors.js";
import { getLibraryType } from "../../domain/library-types.js";
import { plural } from "../../domain/plural.js";
import {
  ASKING_STOPPED,
  type InterviewRequest,
  NOT_TAKING_REQUESTS,
  noShowStopText,
  type RequestLimit,
  RequestRefused,
} from "../../domain/requests/index.js";
import { requestButton, row } from "./card.js";
import { atSentenceStart } from "./names.js";

const bold = (text: string): string => `**${safeText(text)}**`;
const when = (ms: number, style: "f" | "R" | "D" = "f"): string => time(Math.floor(ms / 1000), style);

/** The seeker's ephemeral answer once the request is stored: what happens next, and a way back out. */
export function sentConfirmation(request: InterviewRequest, mentorName: string): Reply {
  return {
    ephemeral: true,
    content: [
      `Your request is on its way to ${bold(mentorName)}.`,
      `They have until ${when(request.expiresAt)} (${when(request.expiresAt, "R")}) to answer. ` +
        "I'll DM you either way, so keep DMs from server members open.",
      "`/requests` shows it while it waits, and you can cancel it there or here.",
    ].join("\n"),
    components: [row(requestButton("request-cancel", request, "Cancel this request", ButtonStyle.Secondary))],
  };
}

/** Why the seeker may not send this request, in their words, with dates in their own time zone. */
function refusalText(limit: RequestLimit): string {
  switch (limit.kind) {
    case "not-taking-requests":
      return NOT_TAKING_REQUESTS;
    case "asking-stopped":
      return limit.until === undefined ? ASKING_STOPPED : noShowStopText(when(limit.until, "D"));
    case "already-waiting":
      return `You already have a request waiting for this librarian's answer (sent ${when(limit.sentAt, "D")}).`;
    case "cooldown":
      return (
        `You asked this librarian on ${when(limit.askedAt, "D")}. On this server you can ask the same librarian ` +
        `again ${plural(limit.days, "day")} after your last request, so this limit lifts on ${when(limit.liftsAt, "D")}. ` +
        "Until then, try /findmentor to find someone else."
      );
    case "too-many-pending":
      return (
        `You already have ${plural(limit.limit, "request")} waiting for an answer, the most this server ` +
        "allows at once. This limit lifts when a librarian answers or you cancel a request, and at the latest " +
        `on ${when(limit.liftsAt, "D")}, when your oldest request expires.`
      );
    case "at-capacity":
      return (
        "This librarian has already received as many requests this month as they can take. " +
        `This limit lifts on ${when(limit.liftsAt, "D")}; until then, try /findmentor to find someone else.`
      );
  }
}

/** An error from asking, as the seeker should see it: a refusal in their words, anything else unchanged. */
export const shownToSeeker = (error: unknown): unknown =>
  error instanceof RequestRefused ? new UserError(refusalText(error.limit)) : error;

export const undeliveredText = (mentorName: string): string =>
  `I couldn't reach ${bold(mentorName)} yet: they don't accept DMs from me, and I couldn't open a ` +
  "private thread for them (once a moderator sets a mentoring channel with `/config`, it goes out). Your " +
  "request stays open until it expires, or you can cancel it and ask someone else.";

export const cancelledText = (mentorName: string): string =>
  `You cancelled your request to ${bold(mentorName)}. You can ask someone else with \`/findmentor\`.`;

/** Opens the decline DM; the next ranked librarians follow it. */
export function declinedIntro(mentorName: string, reason: string | undefined): string {
  return [
    `${bold(atSentenceStart(mentorName))} can't take your informational interview request right now.`,
    reason ? `They wrote: “${safeText(reason)}”` : "",
    "Volunteers' time is short and this is rarely about you. Here are other librarians you could ask:",
  ]
    .filter(Boolean)
    .join("\n");
}

export const expiredIntro = (mentorName: string): string =>
  `Your request to ${bold(mentorName)} expired without an answer: volunteers are sometimes away. ` +
  "Here are other librarians you could ask:";

/** DM to the seeker when the librarian accepted. */
export function acceptedNotice(request: InterviewRequest, mentorName: string, threadId?: string): Reply {
  const where = threadId
    ? `Your private thread together: ${channelMention(threadId)} (${channelLink(threadId, request.guildId)}).`
    : "The details follow in this DM.";
  return {
    content: `🎉 ${bold(atSentenceStart(mentorName))} accepted your informational interview request! ${where}`,
  };
}

/** DM to the other person when a request they were part of was withdrawn. */
export function withdrawnNotice(request: InterviewRequest, toSeeker: boolean, otherName: string): string {
  const type = getLibraryType(request.libraryType).name;
  if (toSeeker) {
    return (
      `Your informational interview request to ${bold(otherName)} (${type}) was withdrawn: ` +
      "they are no longer available through Reference Desk. Try `/findmentor` to find someone else."
    );
  }
  return `The informational interview request from ${bold(otherName)} (${type}) was withdrawn: they left Reference Desk. Nothing more is needed from you.`;
}

export const withdrawnThreadNote = (name: string): Reply => ({
  content: `${bold(atSentenceStart(name))} withdrew from this informational interview, so it is closed.`,
});

export const pauseNotice = (guildName: string, count: number): Reply => ({
  content:
    `I paused your librarian listing on ${bold(guildName)}: the last ${count === 1 ? "interview request" : `${count} interview requests`} to you ` +
    "expired without an answer, so seekers won't find you for now. " +
    "When you're ready again, run `/mentor resume` there. Thank you for volunteering!",
});
