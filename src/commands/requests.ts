import { InteractionContextType, SlashCommandBuilder } from "discord.js";
import { requireGuild } from "../core/guild.js";
import { respond } from "../core/respond.js";
import type { Command } from "../core/types.js";
import { agendaHandlers } from "../discord/agenda/handlers.js";
import { answerAttendance } from "../discord/meetings/attendance-answers.js";
import { forgiveNoShow } from "../discord/meetings/forgive.js";
import { meetingHandlers } from "../discord/meetings/handlers.js";
import { ask, submitAsk } from "../discord/requests/ask.js";
import { accept, decline, submitDecline } from "../discord/requests/decide.js";
import { carryOut } from "../discord/requests/effects.js";
import { block, cancelBlock, confirmBlock, report, submitReport } from "../discord/requests/moderation.js";
import { pauseReportedLibrarian, stopReportedSeeker } from "../discord/requests/report-actions.js";
import { cancel, changeRating, keepRating, met, openRequestsOf, rate } from "../discord/requests/seeker.js";

/** `/requests`, and every button and form of an interview request from Ask to the rating. */
const command: Command = {
  data: new SlashCommandBuilder()
    .setName("requests")
    .setDescription("Your open informational interview requests, sent and received")
    .setContexts(InteractionContextType.Guild),
  help: [
    {
      audience: "seekers",
      usage: "/requests",
      summary: "the interview requests you sent that are still open, with a way to cancel them",
    },
    {
      audience: "seekers",
      usage: "Build an agenda",
      summary: "in your thread after Accept: pick up to 10 questions, then post them",
    },
    {
      audience: "seekers",
      usage: "Pick a time",
      summary:
        "once accepted, pick a time from the librarian's usual hours or propose one in any time zone; " +
        "the other confirms and you both get a calendar file, with Reschedule and Cancel",
    },
    {
      audience: "librarians",
      usage: "/requests",
      summary: "the interview requests waiting for your answer, and the ones you accepted",
    },
  ],

  async execute(interaction, context) {
    const guildId = requireGuild(interaction, "`/requests`");
    await respond(interaction, openRequestsOf(context, guildId, interaction.user.id));
  },

  components: {
    "request-ask": ask,
    "request-form": submitAsk,
    "request-accept": accept,
    "request-decline": decline,
    "request-decline-form": submitDecline,
    "request-block": block,
    "request-block-confirm": confirmBlock,
    "request-block-cancel": cancelBlock,
    "request-report": report,
    "request-report-form": submitReport,
    "request-cancel": cancel,
    "request-met": met,
    "request-rate": rate,
    "request-rate-change": changeRating,
    "request-rate-keep": keepRating,
    "report-pause-librarian": pauseReportedLibrarian,
    "report-stop-seeker": stopReportedSeeker,
    ...agendaHandlers,
    ...meetingHandlers(carryOut),
    "meeting-attendance": answerAttendance,
    "meeting-forgive": forgiveNoShow,
  },
};

export default command;
