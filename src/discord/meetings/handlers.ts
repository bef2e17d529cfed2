import type { Client } from "discord.js";
import { respond, updateMessage } from "../../core/respond.js";
import { safeText } from "../../core/safe-text.js";
import type { BotContext, ComponentHandler, ComponentHandlers } from "../../core/types.js";
import { UserError } from "../../domain/errors.js";
import { meetingOf, NOT_A_PARTY, parseTypedTime } from "../../domain/meetings/index.js";
import type { InterviewRequest, RequestEffect } from "../../domain/requests/index.js";
import { longDuration } from "./durations.js";
import { PROPOSE_FIELDS, proposeModal, REASON_FIELD, reasonModal } from "./forms.js";
import { confirmedAck, when } from "./views.js";

const STALE = "This button no longer works. Run `/requests` to see your requests.";

function refOf(args: readonly string[]): { guildId: string; requestId: string } {
  const [guildId, requestId] = args;
  if (!guildId || !requestId) throw new UserError(STALE);
  return { guildId, requestId };
}

/** The stored request, if the person pressing is its seeker or librarian (never taken from the custom ID). */
function requestFor(context: BotContext, args: readonly string[], userId: string): InterviewRequest {
  const { guildId, requestId } = refOf(args);
  const request = context.services.requests.records.require(guildId, requestId);
  if (userId !== request.seekerId && userId !== request.mentorId) throw new UserError(NOT_A_PARTY);
  return request;
}

const otherName = (context: BotContext, request: InterviewRequest, userId: string): string =>
  userId === request.seekerId
    ? (context.services.mentors.get(request.guildId, request.mentorId)?.displayName ?? "the librarian")
    : request.seekerName;

function secondsArg(value: string | undefined): number {
  const seconds = Number(value);
  if (!Number.isSafeInteger(seconds) || seconds <= 0) throw new UserError(STALE);
  return seconds * 1000;
}

/**
 * Carries out an owed effect now and marks it done: the requests' dispatcher, which also redraws
 * the librarian's card when a request closes.
 */
export type CarryOut = (
  client: Client,
  context: BotContext,
  request: InterviewRequest,
  effect: RequestEffect,
) => Promise<unknown>;

/** Puts a time forward and tells the other person; answers the one who did it privately. */
async function proposeAndTell(
  carryOut: CarryOut,
  interaction: Parameters<ComponentHandler>[0],
  context: BotContext,
  request: InterviewRequest,
  time: { startsAt: number; timeZone: string },
): Promise<void> {
  const { meetings } = context.services;
  const result = await meetings.propose(request.guildId, request.id, interaction.user.id, time);
  const other = safeText(otherName(context, result.request, interaction.user.id));
  await respond(interaction, {
    ephemeral: true,
    content: result.changed
      ? `You proposed ${when(time.startsAt)}. I asked **${other}** to confirm it.`
      : `You already proposed ${when(time.startsAt)}; **${other}** can confirm it.`,
  });
  if (result.changed) await carryOut(interaction.client, context, result.request, "meeting-proposed");
}

/** A slot picked from the menu: its value is the start in seconds. */
const pickSlot =
  (carryOut: CarryOut): ComponentHandler<"select"> =>
  async (interaction, args, context) => {
    const request = requestFor(context, args, interaction.user.id);
    const startsAt = secondsArg(interaction.values[0]);
    const profile = context.services.mentors.get(request.guildId, request.mentorId);
    await proposeAndTell(carryOut, interaction, context, request, {
      startsAt,
      timeZone: profile?.timeZone ?? "UTC",
    });
  };

/** "Propose a time": the form, its time zone prefilled from the presser's profile or last proposal. */
const openProposeForm: ComponentHandler<"button"> = async (interaction, args, context) => {
  const request = requestFor(context, args, interaction.user.id);
  if (request.state !== "accepted")
    throw new UserError("This request is closed, so there is no time to arrange.");
  const own = context.services.mentors.get(request.guildId, interaction.user.id)?.timeZone;
  const { proposal, confirmed } = meetingOf(request);
  if (confirmed)
    throw new UserError("A time is already agreed. Press **Reschedule** on it first to look for another.");
  const last = proposal?.by === interaction.user.id ? proposal.timeZone : undefined;
  await interaction.showModal(proposeModal(request, own ?? last));
};

const submitProposal =
  (carryOut: CarryOut): ComponentHandler<"modal"> =>
  async (interaction, args, context) => {
    const request = requestFor(context, args, interaction.user.id);
    const field = (id: string) => interaction.fields.getTextInputValue(id);
    const time = parseTypedTime(
      {
        date: field(PROPOSE_FIELDS.date),
        time: field(PROPOSE_FIELDS.time),
        timeZone: field(PROPOSE_FIELDS.timeZone),
      },
      context.services.clock(),
    );
    await proposeAndTell(carryOut, interaction, context, request, time);
  };

/** Confirm: only the other person, only the proposal this button showed. */
const confirmTime =
  (carryOut: CarryOut): ComponentHandler<"button"> =>
  async (interaction, args, context) => {
    const request = requestFor(context, args, interaction.user.id);
    const startsAt = secondsArg(args[2]);
    const result = await context.services.meetings.confirm(
      request.guildId,
      request.id,
      interaction.user.id,
      startsAt,
    );
    if (!result.changed) {
      return respond(interaction, {
        ephemeral: true,
        content: `This time is already confirmed: ${when(startsAt)}.`,
      });
    }
    await updateMessage(interaction, confirmedAck(result.request));
    await carryOut(interaction.client, context, result.request, "meeting-confirmed");
  };

const openReasonForm =
  (kind: "reschedule" | "cancel"): ComponentHandler<"button"> =>
  async (interaction, args, context) => {
    const request = requestFor(context, args, interaction.user.id);
    if (request.state !== "accepted") throw new UserError("This interview is closed already.");
    if (kind === "reschedule" && !meetingOf(request).confirmed) {
      throw new UserError("No time is agreed right now: pick or propose one from the latest time picker.");
    }
    await interaction.showModal(reasonModal(request, kind));
  };

const submitReschedule =
  (carryOut: CarryOut): ComponentHandler<"modal"> =>
  async (interaction, args, context) => {
    const request = requestFor(context, args, interaction.user.id);
    const reason = interaction.fields.getTextInputValue(REASON_FIELD);
    const result = await context.services.meetings.reschedule(
      request.guildId,
      request.id,
      interaction.user.id,
      reason,
    );
    if (!result.changed) {
      return respond(interaction, {
        ephemeral: true,
        content: "No time is agreed right now: pick or propose one from the latest time picker.",
      });
    }
    await respond(interaction, {
      ephemeral: true,
      content: `The agreed time is off. I told **${safeText(otherName(context, request, interaction.user.id))}** and opened the time picker again.`,
    });
    await carryOut(interaction.client, context, result.request, "meeting-rescheduled");
  };

const submitCancel =
  (carryOut: CarryOut): ComponentHandler<"modal"> =>
  async (interaction, args, context) => {
    const request = requestFor(context, args, interaction.user.id);
    const reason = interaction.fields.getTextInputValue(REASON_FIELD);
    const result = await context.services.meetings.cancel(
      request.guildId,
      request.id,
      interaction.user.id,
      reason,
    );
    if (!result.changed)
      return respond(interaction, { ephemeral: true, content: "This interview is already cancelled." });
    const late = meetingOf(result.request).cancelled?.late
      ? ` As it is within ${longDuration(context.config.lateCancelMs)} of the start, it counts as a late cancel.`
      : "";
    await respond(interaction, {
      ephemeral: true,
      content: `Cancelled. I told **${safeText(otherName(context, request, interaction.user.id))}** kindly.${late}`,
    });
    await carryOut(interaction.client, context, result.request, "meeting-cancelled");
  };

/** Every button, menu and form of agreeing a time; `carryOut` announces what each change owes. */
export const meetingHandlers = (carryOut: CarryOut) =>
  ({
    "meeting-slot": pickSlot(carryOut),
    "meeting-propose": openProposeForm,
    "meeting-propose-form": submitProposal(carryOut),
    "meeting-confirm": confirmTime(carryOut),
    "meeting-reschedule": openReasonForm("reschedule"),
    "meeting-reschedule-form": submitReschedule(carryOut),
    "meeting-cancel": openReasonForm("cancel"),
    "meeting-cancel-form": submitCancel(carryOut),
  }) satisfies ComponentHandlers;
