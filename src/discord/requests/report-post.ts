import { type APIEmbed, ButtonStyle, ComponentType, time, userMention } from "discord.js";
import { customId } from "../../core/custom-ids.js";
import { LIMITS, truncate } from "../../core/limits.js";
import type { Reply } from "../../core/respond.js";
import { safeText } from "../../core/safe-text.js";
import { getLibraryType } from "../../domain/library-types.js";
import type { MentorProfile } from "../../domain/mentors/index.js";
import type { InterviewRequest } from "../../domain/requests/index.js";
import {
  actionFor,
  type FiledReport,
  type ReportAction,
  type ReportRecord,
} from "../../domain/requests/reports.js";
import { FORMAT_LABELS, mentorCard } from "../mentors/card.js";
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
  report: FiledReport,
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

/** How a moderator's action went: done, or the reported person was no longer listed or had deleted their data. */
export type ActionOutcome = "done" | "not-listed" | "data-deleted";

/** The line added to the post once a moderator acted, in place of the button. */
export function actionDoneLine(
  action: NonNullable<ReportRecord["action"]>,
  outcome: ActionOutcome = "done",
): string {
  const by = userMention(action.by);
  const at = when(action.at);
  if (action.kind === "stop-seeker")
    return outcome === "data-deleted"
      ? `🛑 ${by} stopped this seeker asking anyone on this server (${at}). They have deleted their data, so the stop is kept under a one-way code of their id: it still applies if they ask again.`
      : `🛑 ${by} stopped this seeker asking anyone on this server (${at}).`;
  if (outcome === "data-deleted")
    return `${by} pressed Pause (${at}), but this librarian has deleted their data and is no longer listed: there was nothing to pause.`;
  return outcome === "done"
    ? `⏸️ ${by} paused this librarian (${at}): they are hidden from \`/findmentor\` until they resume. \`/mentor remove\` takes them off the list.`
    : `${by} pressed Pause (${at}), but this librarian is no longer listed.`;
}
