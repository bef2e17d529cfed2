import type { Client } from "discord.js";
import type { BotContext } from "../../core/types.js";
import type { FiledReport } from "../../domain/requests/reports.js";
import { addToTrail } from "../shared/moderators.js";
import { reportPost } from "./report-post.js";

/**
 * Posts a filed report in the moderators' log channel and marks it posted; resolves to whether it
 * reached them. Its nonce makes Discord drop a second post of it after a crash.
 */
export async function postReport(client: Client, context: BotContext, report: FiledReport): Promise<boolean> {
  const { requests, mentors } = context.services;
  const request = requests.records.get(report.guildId, report.requestId);
  if (!request) return false;
  const post = reportPost(request, report, mentors.get(report.guildId, request.mentorId));
  const nonce = `report-${report.requestId}-${report.reporterSide === "seeker" ? "s" : "l"}`;
  const sent = await addToTrail(client, context, report.guildId, "report", { ...post, nonce });
  if (sent) await requests.reports.markPosted(report);
  return sent;
}

/** At start-up: posts the reports a crash (or a missing log channel) kept from the guild's moderators. */
export async function postUnpostedReports(
  client: Client,
  context: BotContext,
  guildId: string,
): Promise<void> {
  for (const report of context.services.requests.reports.unposted(guildId)) {
    try {
      await postReport(client, context, report);
    } catch (error) {
      context.logger.error({ err: error, guildId: report.guildId }, "could not post a report");
    }
  }
}
