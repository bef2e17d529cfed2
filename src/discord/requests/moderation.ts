import { ButtonStyle, userMention } from "discord.js";
import { respond, updateMessage } from "../../core/respond.js";
import { safeText } from "../../core/safe-text.js";
import type { BotContext, ComponentHandler } from "../../core/types.js";
import type { InterviewRequest } from "../../domain/requests/index.js";
import { type ReportSide, reportingSide } from "../../domain/requests/reports.js";
import { addToTrail } from "../shared/moderators.js";
import { requestButton, row } from "./card.js";
import { refreshCard } from "./delivery.js";
import { REPORT_FIELDS, reportModal } from "./modals.js";
import { librarianName } from "./names.js";
import { requestIn } from "./refs.js";
import { postReport } from "./report-delivery.js";

/** Block asks first: a private "Block Sam?" with Block and Cancel. Nothing changes yet. */
export const block: ComponentHandler<"button"> = async (interaction, args, context) => {
  const { guildId, requestId } = await requestIn(context, args);
  const { requests } = context.services;
  const request = requests.records.requireMentorOf(guildId, requestId, interaction.user.id);
  const name = safeText(request.seekerName);
  if (requests.blocks.isBlocked(guildId, request.mentorId, request.seekerId)) {
    await respond(interaction, { ephemeral: true, content: `You had already blocked ${name}.` });
    return;
  }
  await respond(interaction, {
    ephemeral: true,
    content:
      `Block ${name}? They won't be able to ask you again or find you in \`/findmentor\`, ` +
      "their open requests to you close, and they won't be told.",
    components: [
      row(
        requestButton("request-block-confirm", request, "Block", ButtonStyle.Danger),
        requestButton("request-block-cancel", request, "Cancel", ButtonStyle.Secondary),
      ),
    ],
  });
};

/**
 * The confirmed block: the clicker is checked again against the request's librarian. The seeker is
 * never matched again and told nothing (their open requests to this librarian just close). Every
 * card of theirs is redrawn without Accept or Block.
 */
export const confirmBlock: ComponentHandler<"button"> = async (interaction, args, context) => {
  const { guildId, requestId } = await requestIn(context, args);
  const { requests } = context.services;
  const request = requests.records.requireMentorOf(guildId, requestId, interaction.user.id);
  const already = requests.blocks.isBlocked(guildId, request.mentorId, request.seekerId);
  const closed = await requests.blocks.blockRequester(guildId, requestId, interaction.user.id);
  await updateMessage(interaction, {
    components: [],
    content: already
      ? `You had already blocked ${safeText(request.seekerName)}.`
      : `Blocked. ${safeText(request.seekerName)} won't find you in \`/findmentor\` or be able to ask you again, and they won't be told. ` +
        "If they did something wrong, please also press Report so moderators know.",
  });
  if (!already) {
    await addToTrail(interaction.client, context, guildId, "block", {
      content: `⛔ ${userMention(request.mentorId)} blocked ${userMention(request.seekerId)} (request ${request.id}).`,
    });
  }
  const redraw = [request, ...closed.filter((each) => each.id !== request.id)];
  for (const each of redraw) {
    await refreshCard(interaction.client, context, requests.records.get(guildId, each.id) ?? each);
  }
};

export const cancelBlock: ComponentHandler<"button"> = async (interaction, args, context) => {
  const { guildId, requestId } = await requestIn(context, args);
  const request = context.services.requests.records.requireMentorOf(guildId, requestId, interaction.user.id);
  await updateMessage(interaction, {
    components: [],
    content: `Not blocked. ${safeText(request.seekerName)} can still ask you.`,
  });
};

const ALREADY_REPORTED =
  "You already reported this request, and the moderators have it. Nothing more was sent.";

/** The other person's name, as the reporter knows them: the seeker's, or the librarian's listing. */
const reportedName = (context: BotContext, request: InterviewRequest, side: ReportSide): string =>
  side === "librarian" ? request.seekerName : librarianName(context, request);

/**
 * Report, from either side of a request: a form asking why. Each person reports a request once;
 * a second press says so and sends nothing.
 */
export const report: ComponentHandler<"button"> = async (interaction, args, context) => {
  const { guildId, requestId } = await requestIn(context, args);
  const { requests } = context.services;
  const request = requests.records.require(guildId, requestId);
  const side = reportingSide(request, interaction.user.id);
  if (requests.reports.get(guildId, requestId, interaction.user.id)) {
    await respond(interaction, { ephemeral: true, content: ALREADY_REPORTED });
    return;
  }
  await interaction.showModal(reportModal(request, reportedName(context, request, side)));
};

/** The report form sent: stored, then posted to the log channel with the moderators' action. */
export const submitReport: ComponentHandler<"modal"> = async (interaction, args, context) => {
  const { guildId, requestId } = await requestIn(context, args);
  const { requests } = context.services;
  const reason = interaction.fields.getTextInputValue(REPORT_FIELDS.reason);
  const { report: filed, created } = await requests.reports.file(
    guildId,
    requestId,
    interaction.user.id,
    reason,
  );
  // A report filed before a crash, or while there was nowhere to post it, is posted now.
  if (!created && filed.postedAt !== undefined) {
    await respond(interaction, { ephemeral: true, content: ALREADY_REPORTED });
    return;
  }
  const request = requests.records.require(guildId, requestId);
  const sent = await postReport(interaction.client, context, filed);
  await respond(interaction, {
    ephemeral: true,
    content: sent
      ? "Thank you for reporting this. The moderators have your report and the request, and will look into it. " +
        `${safeText(reportedName(context, request, filed.reporterSide))} is not told.`
      : "Thank you. I couldn't pass it on to this server's moderators, so please tell a moderator directly.",
  });
};
