import { type APIButtonComponent, ButtonStyle, channelMention, time } from "discord.js";
import type { Reply } from "../../core/respond.js";
import { safeText } from "../../core/safe-text.js";
import { getLibraryType } from "../../domain/library-types.js";
import type { InterviewRequest } from "../../domain/requests/index.js";
import { FORMAT_LABELS } from "../mentors/card.js";
import { requestButton, row } from "./card.js";

/** Marks the Cancel buttons of the list, so cancelling redraws the list rather than a confirmation. */
export const FROM_LIST = "list";
const MAX_BUTTONS = 25;
const PER_ROW = 5;

const when = (ms: number, style: "f" | "R") => time(Math.floor(ms / 1000), style);
const about = (request: InterviewRequest) =>
  `${getLibraryType(request.libraryType).name} · ${FORMAT_LABELS[request.format]}`;
const threadOrDms = (request: InterviewRequest) =>
  request.threadId ? `your thread: ${channelMention(request.threadId)}` : "details in your DMs";

function sentLine(request: InterviewRequest, mentorName: string): string {
  const to = `To **${safeText(mentorName)}** · ${about(request)}`;
  return request.state === "pending"
    ? `• ${to}: waiting for an answer until ${when(request.expiresAt, "f")} (sent ${when(request.createdAt, "R")})`
    : `• ${to}: accepted, ${threadOrDms(request)}`;
}

function receivedLine(request: InterviewRequest): string {
  const from = `From **${safeText(request.seekerName)}** · ${about(request)}`;
  if (request.state !== "pending") return `• ${from}: you accepted, ${threadOrDms(request)}`;
  const where = !request.delivery
    ? "I couldn't deliver it: please open your DMs to me"
    : request.delivery.via === "thread"
      ? `the request is in ${channelMention(request.delivery.threadId)}`
      : "the request is in your DMs";
  return `• ${from}: waiting for your answer until ${when(request.expiresAt, "f")} (${where})`;
}

/** `/requests`: the user's open requests on both sides, with Cancel and We met for the ones they sent. */
export function requestList(
  lists: { asSeeker: InterviewRequest[]; asMentor: InterviewRequest[] },
  mentorName: (request: InterviewRequest) => string,
): Reply {
  const { asSeeker, asMentor } = lists;
  if (asSeeker.length === 0 && asMentor.length === 0) {
    return {
      ephemeral: true,
      content: "You have no open interview requests. Find a librarian to ask with `/findmentor`.",
      components: [],
    };
  }
  const sections: string[] = [];
  if (asSeeker.length > 0)
    sections.push(["**Requests you sent**", ...asSeeker.map((r) => sentLine(r, mentorName(r)))].join("\n"));
  if (asMentor.length > 0)
    sections.push(["**Requests sent to you**", ...asMentor.map(receivedLine)].join("\n"));
  const buttons: APIButtonComponent[] = asSeeker.map((request) =>
    request.state === "pending"
      ? requestButton(
          "request-cancel",
          request,
          `Cancel request to ${mentorName(request)}`,
          ButtonStyle.Secondary,
          FROM_LIST,
        )
      : requestButton("request-met", request, `We met ${mentorName(request)}`, ButtonStyle.Success),
  );
  const rows = [];
  for (let at = 0; at < Math.min(buttons.length, MAX_BUTTONS); at += PER_ROW) {
    rows.push(row(...buttons.slice(at, Math.min(at + PER_ROW, MAX_BUTTONS))));
  }
  return { ephemeral: true, content: sections.join("\n\n"), components: rows };
}
