import { type APIEmbed, ButtonStyle, ComponentType, time, userMention } from "discord.js";
import { customId } from "../../core/custom-ids.js";
import { LIMITS, truncate } from "../../core/limits.js";
import type { Reply } from "../../core/respond.js";
import { getLibraryType } from "../../domain/library-types.js";
import type { MentorProfile } from "../../domain/mentors/index.js";
import type { InterviewRequest } from "../../domain/requests/index.js";
import { actionFor, type ReportAction, type ReportRecord } from "../../domain/requests/reports.js";
import { FORMAT_LABELS, mentorCard } from "../mentors/card.js";
import { safeText } from "../shared/safe-text.js";
import { BRAND_COLOR } from "../shared/style.js";
import { row } from "./card.js";

const ACTION_BUTTONS: Record<
  ReportAction,
  { prefix: "report-pause-librarian" | "report-stop-seeker"; label: string }
> = {
  "pause-librarian": { prefix: "report-pause-librarian", label: "Pause this librarian" },
  "stop-seeker": { prefix: "report-stop-seeker", label: "Stop this seeker asking anyone" },
};

const when = (ms: number): string => time(Math.floor(ms / 1000), "f");

/**
 * What moderators see in the log channel: the reason, the request, who reported whom (a reported
 * librarian with their public card), and the one action that fits, for Manage Server to press.
 */
export function reportPost(
  request: InterviewRequest,
  report: ReportRecord,
  librarian: MentorProfile | undefined,
): Reply {
  const bySeeker = report.reporterSide === "seeker";
  const seeker = `${userMention(request.seekerId)} (${safeText(request.seekerName)})`;
  const mentor = `${userMention(request.mentorId)}${librarian ? ` (${safeText(librarian.displayName)})` : ""}`;
  const embed: APIEmbed = {
    color: BRAND_COLOR,
    title: "Interview request reported",
    description: `**Reason**\n${safeText(report.reason)}`,
    fields: [
      {
        name: bySeeker ? "Reported by (seeker)" : "Reported by (librarian)",
        value: bySeeker ? seeker : mentor,
        inline: true,
      },
      {
        name: bySeeker ? "Reported (librarian)" : "Reported (seeker)",
        value: bySeeker ? mentor : seeker,
        inline: true,
      },
      { name: "State", value: request.state, inline: true },
      { name: "Library type", value: getLibraryType(request.libraryType).name, inline: true },
      { name: "Format", value: FORMAT_LABELS[request.format], inline: true },
      { name: "Sent", value: when(request.createdAt), inline: true },
      { name: "What the seeker wrote", value: truncate(safeText(request.note), LIMITS.fieldValue) },
      { name: "Availability", value: request.availability ? safeText(request.availability) : "Not given" },
    ],
    footer: { text: `Request ${request.id}` },
  };
  const button = ACTION_BUTTONS[actionFor(report.reporterSide)];
  return {
    content: bySeeker
      ? "A seeker reported the librarian of an interview request."
      : "A librarian reported the seeker of an interview request.",
    embeds: bySeeker && librarian ? [embed, mentorCard(librarian)] : [embed],
    components: [
      row({
        type: ComponentType.Button,
        style: ButtonStyle.Danger,
        label: button.label,
        custom_id: customId(button.prefix, report.guildId, report.requestId, report.reporterId),
      }),
    ],
  };
}

/** The line added to the post once a moderator acted, in place of the button. */
export function actionDoneLine(action: NonNullable<ReportRecord["action"]>, stillListed = true): string {
  const by = userMention(action.by);
  if (action.kind === "stop-seeker")
    return `🛑 ${by} stopped this seeker asking anyone on this server (${when(action.at)}).`;
  return stillListed
    ? `⏸️ ${by} paused this librarian (${when(action.at)}): they are hidden from \`/findmentor\` until they resume. \`/mentor remove\` takes them off the list.`
    : `${by} pressed Pause (${when(action.at)}), but this librarian is no longer listed.`;
}
