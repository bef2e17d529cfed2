import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIButtonComponentWithCustomId,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  ButtonStyle,
  ComponentType,
  channelMention,
  time,
} from "discord.js";
import { type CustomIdPrefix, customId } from "../../core/custom-ids.js";
import { LIMITS, truncate } from "../../core/limits.js";
import type { Reply } from "../../core/respond.js";
import { safeText } from "../../core/safe-text.js";
import { getLibraryType } from "../../domain/library-types.js";
import type { InterviewRequest } from "../../domain/requests/index.js";
import { FORMAT_LABELS } from "../mentors/card.js";
import { BRAND_COLOR } from "../shared/style.js";

export type ButtonRow = APIActionRowComponent<APIComponentInMessageActionRow>;

/** A button about one request: the custom ID names the guild and the request, never who may press it. */
export function requestButton(
  prefix: CustomIdPrefix,
  request: Pick<InterviewRequest, "guildId" | "id">,
  label: string,
  style: APIButtonComponentWithCustomId["style"],
  ...extra: (string | number)[]
): APIButtonComponentWithCustomId {
  return {
    type: ComponentType.Button,
    style,
    label: truncate(label, LIMITS.buttonLabel),
    custom_id: customId(prefix, request.guildId, request.id, ...extra),
  };
}

export const row = (...buttons: APIButtonComponent[]): ButtonRow => ({
  type: ComponentType.ActionRow,
  components: buttons,
});

export interface CardOptions {
  guildName?: string;
  /** The librarian blocked this seeker. */
  blocked?: boolean;
  /** Just accepted: the thread or DMs are on their way. */
  connecting?: boolean;
}

/** What the librarian reads at the top of the request, for each state it can be in. */
function statusLine(request: InterviewRequest, options: CardOptions): string {
  const seeker = `**${safeText(request.seekerName)}**`;
  if (options.blocked) return "🚫 You blocked this person: they can't ask you again, and they weren't told.";
  switch (request.state) {
    case "pending": {
      const where = options.guildName ? ` on **${safeText(options.guildName)}**` : "";
      const seconds = Math.floor(request.expiresAt / 1000);
      return (
        `${seeker}${where} would like a short informational interview about your work: a conversation, ` +
        "not a job interview. Nothing about you is shared unless you accept. " +
        `Please answer by ${time(seconds, "f")} (${time(seconds, "R")}).`
      );
    }
    case "accepted":
      if (options.connecting) return "✅ You accepted. I'm putting you in touch…";
      return request.threadId
        ? `✅ You accepted. Your conversation with ${seeker}: ${channelMention(request.threadId)}`
        : `✅ You accepted. I sent you both the details by DM.`;
    case "met":
      return `✅ Your conversation with ${seeker} is marked as done. Thank you for your time!`;
    case "declined":
      return "You declined this request. Thank you for answering.";
    case "expired":
      return "⌛ This request expired without an answer.";
    case "cancelled":
      if (request.meeting?.cancelled?.by === request.mentorId) return "You cancelled this interview.";
      return `${seeker} cancelled this ${request.meeting?.cancelled ? "interview" : "request"}.`;
    case "withdrawn":
      return "This request was withdrawn.";
    case "not-held":
      return "This interview was closed: no time was agreed in time.";
  }
}

/** The request as its librarian sees it, with the buttons that still make sense in its state. */
export function consentCard(request: InterviewRequest, options: CardOptions = {}): Reply {
  const embed: APIEmbed = {
    color: BRAND_COLOR,
    author: { name: request.seekerName },
    title: "Informational interview request",
    description: `**What they hope to learn**\n${safeText(request.note)}`,
    fields: [
      { name: "Library type", value: getLibraryType(request.libraryType).name, inline: true },
      { name: "Format", value: FORMAT_LABELS[request.format], inline: true },
      {
        name: "Generally free",
        value: request.availability ? safeText(request.availability) : "Not given",
        inline: true,
      },
      ...(request.assignmentDue
        ? [{ name: "For a class assignment", value: `Due ${request.assignmentDue}`, inline: false }]
        : []),
    ],
    footer: { text: `Request ${request.id}` },
  };
  const buttons: APIButtonComponent[] = [];
  if (request.state === "pending" && !options.blocked) {
    buttons.push(
      requestButton("request-accept", request, "Accept", ButtonStyle.Success),
      requestButton("request-decline", request, "Decline", ButtonStyle.Secondary),
    );
  }
  if (!options.blocked) buttons.push(requestButton("request-block", request, "Block", ButtonStyle.Danger));
  buttons.push(requestButton("request-report", request, "Report", ButtonStyle.Secondary));
  return { content: statusLine(request, options), embeds: [embed], components: [row(...buttons)] };
}

/** What replaces the card once the seeker deleted their data: nothing they wrote is left. */
export const redactedCard = (): Reply => ({
  content: "This request was withdrawn, and its details deleted at the person's request.",
  embeds: [],
  components: [],
});
