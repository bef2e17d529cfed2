import { type ButtonInteraction, PermissionFlagsBits } from "discord.js";
import { respond, updateMessage } from "../../core/respond.js";
import type { BotContext, ComponentHandler } from "../../core/types.js";
import { UserError } from "../../domain/errors.js";
import type { ReportAction, ReportRecord } from "../../domain/requests/reports.js";
import { type ActionOutcome, actionDoneLine } from "./report-post.js";

const PAUSE_REASON = "Paused by a moderator after a report.";

/** `guildId|requestId|reporterId` from a report button: which report, never who may act. */
function reportRef(args: readonly string[]) {
  const [guildId, requestId, reporterId] = args;
  if (!guildId || !requestId || !reporterId) throw new UserError("This button no longer works.");
  return { guildId, requestId, reporterId };
}

/** Checked on every click: the button sits in a channel others may see, and a custom ID proves nothing. */
function requireManageServer(interaction: ButtonInteraction, guildId: string): void {
  const moderator =
    interaction.guildId === guildId && interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild);
  if (!moderator) throw new UserError("Only moderators with the Manage Server permission can do that.");
}

/**
 * Claims the report's action for the clicking moderator and, only when this click claimed it,
 * carries it out: so it happens once, however many moderators press. The post then says who did it.
 */
async function act(
  interaction: ButtonInteraction,
  args: readonly string[],
  context: BotContext,
  kind: ReportAction,
  carryOut: (report: ReportRecord) => Promise<ActionOutcome>,
): Promise<void> {
  const { guildId, requestId, reporterId } = reportRef(args);
  requireManageServer(interaction, guildId);
  const { report, claimed } = await context.services.requests.reports.claimAction(
    guildId,
    requestId,
    reporterId,
    kind,
    interaction.user.id,
  );
  if (!claimed || !report.action) {
    const done = report.action
      ? actionDoneLine(
          report.action,
          // A stop moves to the code when the seeker deletes their data; a pause ends with the listing.
          report.reportedCode && report.action.kind === "stop-seeker" ? "data-deleted" : "done",
        )
      : "";
    await respond(interaction, { ephemeral: true, content: `This was already done. ${done}` });
    return;
  }
  const outcome = await carryOut(report);
  await updateMessage(interaction, {
    content: `${interaction.message.content}\n${actionDoneLine(report.action, outcome)}`,
    components: [],
  });
}

/** "Pause this librarian", on a seeker's report: hidden from search until they resume. */
export const pauseReportedLibrarian: ComponentHandler<"button"> = (interaction, args, context) =>
  act(interaction, args, context, "pause-librarian", async (report) => {
    const { mentors } = context.services;
    if (!report.reportedId) return "data-deleted";
    if (!mentors.get(report.guildId, report.reportedId)) return "not-listed";
    await mentors.pause(report.guildId, report.reportedId, undefined, PAUSE_REASON);
    return "done";
  });

/**
 * "Stop this seeker asking anyone", on a librarian's report: every new request of theirs is refused.
 * A seeker who deleted their data is stopped by the one-way code of their id that the report kept.
 */
export const stopReportedSeeker: ComponentHandler<"button"> = (interaction, args, context) =>
  act(interaction, args, context, "stop-seeker", async (report) => {
    const { stops } = context.services.requests;
    if (report.reportedId) {
      await stops.stop(report.guildId, report.reportedId, interaction.user.id);
      return "done";
    }
    if (!report.reportedCode) throw new UserError("This report no longer says who was reported.");
    await stops.stopByCode(report.guildId, report.reportedCode, interaction.user.id);
    return "data-deleted";
  });
