import { ButtonStyle, type Client, ComponentType, time, userMention } from "discord.js";
import { customId } from "../../core/custom-ids.js";
import type { BotContext } from "../../core/types.js";
import { noShowsIn, roleOf } from "../../domain/meetings/attendance.js";
import type { NoShowConsequence, NoShowOutcome } from "../../domain/meetings/no-shows.js";
import { MentorNotFoundError } from "../../domain/mentors/index.js";
import type { InterviewRequest } from "../../domain/requests/index.js";
import { row } from "../requests/card.js";
import { guildNameOf, notify } from "../requests/messaging.js";
import { addToTrail } from "../shared/moderators.js";
import { longDuration } from "./durations.js";

/** The pause reason the ladder sets, so forgiving lifts only its own pause. */
export const NO_SHOW_PAUSE_REASON = "Paused by the bot after missed interviews.";

const day = (at: number): string => time(Math.floor(at / 1000), "D");

const forgiveRow = (guildId: string, absentId: string, requestId: string) =>
  row({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label: "Forgive this no-show",
    custom_id: customId("meeting-forgive", guildId, absentId, requestId),
  });

/** What the person is told when the ladder paused or stopped them: why, and until when. */
function consequenceNotice(
  guildName: string,
  consequence: NoShowConsequence,
  counted: number,
  windowMs: number,
): string {
  const why = `in ${counted} of your informational interviews in the last ${longDuration(windowMs)}, the other person said you didn't come`;
  if (consequence.kind === "pause")
    return (
      `I paused your librarian listing on **${guildName}**: ${why}. Seekers won't find you until you run ` +
      "`/mentor resume` there, whenever you're ready. Things come up, and that's fine; if this is a mistake, " +
      "please tell the server's moderators. Thank you for volunteering!"
    );
  return (
    `You can't send interview requests on **${guildName}** until ${day(consequence.until ?? consequence.at)}: ${why}. ` +
    "Things come up, and that's fine: after that date you can ask again. If this is a mistake, please tell the server's moderators."
  );
}

/** Pauses the librarian or stops the seeker, as the ladder decided. False when there was no one to pause. */
async function applyConsequence(
  context: BotContext,
  request: InterviewRequest,
  absentId: string,
  consequence: NoShowConsequence,
): Promise<boolean> {
  const { mentors, requests } = context.services;
  if (consequence.kind === "stop") {
    await requests.stops.stopUntil(request.guildId, absentId, consequence.until ?? consequence.at);
    return true;
  }
  try {
    await mentors.pause(request.guildId, absentId, undefined, NO_SHOW_PAUSE_REASON);
    return true;
  } catch (error) {
    // They left the directory meanwhile: nothing to pause.
    if (error instanceof MentorNotFoundError) return false;
    throw error;
  }
}

function noShowLine(
  request: InterviewRequest,
  reporterId: string,
  absentId: string,
  outcome: NoShowOutcome,
  windowMs: number,
): string {
  const lines = [
    `🚫 ${userMention(reporterId)} said ${userMention(absentId)} didn't come to their informational interview (request ${request.id}). ` +
      `No-shows of theirs in the last ${longDuration(windowMs)}: ${outcome.counted} (the limit is ${outcome.limit}).`,
  ];
  const consequence = outcome.consequence;
  if (consequence?.kind === "pause")
    lines.push("⏸️ I paused this librarian until they resume, and told them why.");
  if (consequence?.kind === "stop")
    lines.push(
      `🛑 This seeker can't send requests until ${day(consequence.until ?? consequence.at)}; I told them why.`,
    );
  return lines.join("\n");
}

/**
 * "They didn't come": the no-show goes on the absent person's record (once per interview), the
 * ladder's pause or stop is applied and explained to them, and moderators get a line with Forgive.
 * Safe to run again after a crash: the record keeps one entry per interview, messages carry nonces.
 */
export async function recordNoShow(
  client: Client,
  context: BotContext,
  request: InterviewRequest,
): Promise<void> {
  for (const { reporterId, absentId } of noShowsIn(request)) {
    const role = roleOf(request, absentId);
    const outcome = await context.services.followThrough.noShows.record(request.guildId, absentId, {
      requestId: request.id,
      reportedBy: reporterId,
      role,
    });
    const tag = role === "librarian" ? "l" : "s";
    if (outcome.consequence && (await applyConsequence(context, request, absentId, outcome.consequence))) {
      await notify(client, context, absentId, {
        content: consequenceNotice(
          guildNameOf(client, request.guildId),
          outcome.consequence,
          outcome.counted,
          context.config.noShowWindowMs,
        ),
        nonce: `nsc-${request.id}-${tag}`,
      });
    }
    await addToTrail(client, context, request.guildId, "no-show", {
      content: noShowLine(request, reporterId, absentId, outcome, context.config.noShowWindowMs),
      components: [forgiveRow(request.guildId, absentId, request.id)],
      nonce: `nsl-${request.id}-${tag}`,
    });
  }
}

const ANSWER_TEXT = { met: "they met", "no-show": "the other didn't come", moved: "they moved it" } as const;

/** The two answered differently: moderators see both answers, with Forgive for a no-show on record. */
export async function postDispute(
  client: Client,
  context: BotContext,
  request: InterviewRequest,
): Promise<void> {
  const answers = request.meeting?.attendance ?? {};
  const { noShows } = context.services.followThrough;
  const rows = [];
  for (const userId of [request.seekerId, request.mentorId]) {
    const record = await noShows.get(request.guildId, userId);
    if (record?.entries.some((entry) => entry.requestId === request.id && !entry.forgiven))
      rows.push(forgiveRow(request.guildId, userId, request.id));
  }
  const said = (userId: string) => {
    const answer = answers[userId];
    return `${userMention(userId)} said ${answer ? ANSWER_TEXT[answer] : "nothing"}`;
  };
  await addToTrail(client, context, request.guildId, "no-show", {
    content:
      `⚖️ Answers disagree about an informational interview (request ${request.id}): ` +
      `${said(request.seekerId)} (seeker); ${said(request.mentorId)} (librarian).` +
      (rows.length > 0 ? " A no-show is on record: forgive it if it was a mistake." : ""),
    components: rows.slice(0, 5),
    nonce: `disp-${request.id}`,
  });
}
