import { channelMention, time } from "discord.js";
import { respond, updateMessage } from "../../core/respond.js";
import type { BotContext, ComponentHandler, ComponentHandlers } from "../../core/types.js";
import { AGENDA_MAX_QUESTIONS, type AgendaView } from "../../domain/agenda/index.js";
import { UserError } from "../../domain/errors.js";
import { librarianName } from "../requests/names.js";
import { requestRef } from "../requests/refs.js";
import { agendaBuilder, pageOf } from "./builder.js";
import { agendaMessage, sendAgenda } from "./posting.js";

/** The builder for this view: the librarian's name and the topics they would rather not discuss. */
function builderFor(context: BotContext, view: AgendaView, page: number, notice?: string) {
  const { request } = view;
  const avoidTopics = context.services.mentors.get(request.guildId, request.mentorId)?.avoidTopics ?? [];
  return agendaBuilder(view, { librarianName: librarianName(context, request), avoidTopics }, page, notice);
}

const pageArg = (args: readonly string[]): number => {
  const page = Number(args[2] ?? 0);
  return Number.isInteger(page) ? page : 0;
};

const whereTo = (view: AgendaView): string =>
  view.request.threadId ? `in ${channelMention(view.request.threadId)}` : "to you both by DM";

/** "Build an agenda", on the thread's kit (or the seeker's DM): the builder, privately. */
const open: ComponentHandler<"button"> = async (interaction, args, context) => {
  const { guildId, requestId } = requestRef(args);
  const view = await context.services.agenda.open(guildId, requestId, interaction.user.id);
  await respond(interaction, { ...builderFor(context, view, 0), ephemeral: true });
};

const pick: ComponentHandler<"select"> = async (interaction, args, context) => {
  const { guildId, requestId } = requestRef(args);
  const groupId = args[2] ?? "";
  const { tooMany, ...view } = await context.services.agenda.choose(
    guildId,
    requestId,
    interaction.user.id,
    groupId,
    interaction.values,
  );
  const notice = tooMany
    ? `An agenda holds up to ${AGENDA_MAX_QUESTIONS} questions, so nothing was added. Take one off to make room.`
    : undefined;
  await updateMessage(interaction, builderFor(context, view, pageOf(view.groups, groupId), notice));
};

const page: ComponentHandler<"button"> = async (interaction, args, context) => {
  const { guildId, requestId } = requestRef(args);
  const view = await context.services.agenda.open(guildId, requestId, interaction.user.id);
  await updateMessage(interaction, builderFor(context, view, pageArg(args)));
};

const clear: ComponentHandler<"button"> = async (interaction, args, context) => {
  const { guildId, requestId } = requestRef(args);
  const view = await context.services.agenda.clear(guildId, requestId, interaction.user.id);
  await updateMessage(
    interaction,
    builderFor(context, view, pageArg(args), "Cleared. Pick again whenever you like."),
  );
};

/**
 * Posts the picks once: a second Post of the same picks says where they are; changed picks go out
 * as an updated agenda. The post comes before it is recorded, and its nonce keeps a retry to one message.
 */
const postAgenda: ComponentHandler<"button"> = async (interaction, args, context) => {
  const { guildId, requestId } = requestRef(args);
  const { agenda } = context.services;
  const plan = await agenda.planPost(guildId, requestId, interaction.user.id);
  if (plan.kind === "already-posted") {
    const when = time(Math.floor(plan.postedAt / 1000), "R");
    const notice = `This agenda is already posted ${whereTo(plan.view)} (${when}). Change your picks and press **Post agenda** again to post an updated one.`;
    return updateMessage(interaction, builderFor(context, plan.view, pageArg(args), notice));
  }
  const { request, meetingMinutes } = plan.view;
  const name = librarianName(context, request);
  const content = agendaMessage(request, name, plan.picks, meetingMinutes, plan.update);
  const sent = await sendAgenda(interaction.client, context, request, content, plan.nonce);
  if (!sent.delivered) {
    throw new UserError(
      sent.where === "thread"
        ? "I couldn't post in your thread just now. Your picks are kept: please try again in a moment."
        : "I couldn't DM the librarian your agenda: their DMs are closed to me. Your picks are kept; you could paste them to them yourself.",
    );
  }
  const view = await agenda.recordPost(guildId, requestId, plan.picks);
  const done = plan.update ? "Posted your updated agenda" : "Posted your agenda";
  await updateMessage(
    interaction,
    builderFor(context, view, pageArg(args), `${done} ${whereTo(view)}. Good luck!`),
  );
};

/** The agenda builder's buttons and menus; every one checks the clicking user is the request's seeker. */
export const agendaHandlers = {
  "agenda-open": open,
  "agenda-pick": pick,
  "agenda-page": page,
  "agenda-post": postAgenda,
  "agenda-clear": clear,
} satisfies ComponentHandlers;
