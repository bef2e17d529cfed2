import { respond, updateMessage } from "../../core/respond.js";
import type { BotContext, ComponentHandler } from "../../core/types.js";
import { UserError } from "../../domain/errors.js";
import { refreshCard } from "./delivery.js";
import {
  metPrompt,
  ratingChanged,
  ratingChangePrompt,
  ratingKept,
  ratingRecorded,
  ratingThanks,
} from "./kit.js";
import { FROM_LIST, requestList } from "./list.js";
import { librarianName } from "./names.js";
import { cancelledText } from "./notices.js";
import { requestIn } from "./refs.js";

/** The seeker's open requests, for `/requests` and after a cancel from that list. */
export function openRequestsOf(context: BotContext, guildId: string, userId: string) {
  return requestList(context.services.requests.queries.listFor(guildId, userId), (request) =>
    librarianName(context, request),
  );
}

/** The seeker withdraws a request that is still waiting; the librarian's card says so. */
export const cancel: ComponentHandler<"button"> = async (interaction, args, context) => {
  const { guildId, requestId } = await requestIn(context, args);
  const { request, changed } = await context.services.requests.lifecycle.cancel(
    guildId,
    requestId,
    interaction.user.id,
  );
  const fromList = args[2] === FROM_LIST;
  if (fromList) await updateMessage(interaction, openRequestsOf(context, guildId, interaction.user.id));
  else
    await updateMessage(interaction, {
      content: cancelledText(librarianName(context, request)),
      components: [],
    });
  if (changed) await refreshCard(interaction.client, context, request);
};

/** "We met": closes the request, then privately nudges a thank-you and asks for a rating. */
export const met: ComponentHandler<"button"> = async (interaction, args, context) => {
  const { guildId, requestId } = await requestIn(context, args);
  const { request, changed } = await context.services.requests.lifecycle.markMet(
    guildId,
    requestId,
    interaction.user.id,
  );
  if (changed) await refreshCard(interaction.client, context, request);
  const prompt = metPrompt(request);
  await respond(
    interaction,
    changed ? prompt : { ...prompt, content: `You already marked this one as met.\n${prompt.content ?? ""}` },
  );
};

const ratingOf = (arg: string | undefined): number => {
  const rating = Number(arg);
  if (!Number.isInteger(rating)) throw new UserError("This button no longer works.");
  return rating;
};

/**
 * The seeker's 1-5 rating: stored for moderators, shown to nobody else. A different rating after
 * one was given asks first; the same one again just says it is recorded.
 */
export const rate: ComponentHandler<"button"> = async (interaction, args, context) => {
  const { guildId, requestId } = await requestIn(context, args);
  const rating = ratingOf(args[2]);
  const { request, changed } = await context.services.requests.lifecycle.recordFeedback(
    guildId,
    requestId,
    interaction.user.id,
    rating,
  );
  const given = request.feedback?.rating;
  if (given !== undefined && given !== rating) {
    return updateMessage(interaction, ratingChangePrompt(request, given, rating));
  }
  await updateMessage(interaction, changed ? ratingThanks(rating) : ratingRecorded(rating));
};

/** "Change": the seeker confirmed replacing their rating. */
export const changeRating: ComponentHandler<"button"> = async (interaction, args, context) => {
  const { guildId, requestId } = await requestIn(context, args);
  const rating = ratingOf(args[2]);
  await context.services.requests.lifecycle.recordFeedback(
    guildId,
    requestId,
    interaction.user.id,
    rating,
    true,
  );
  await updateMessage(interaction, ratingChanged(rating));
};

/** "Keep": nothing changes; only the seeker may answer. */
export const keepRating: ComponentHandler<"button"> = async (interaction, args, context) => {
  const { guildId, requestId } = await requestIn(context, args);
  const request = context.services.requests.records.require(guildId, requestId);
  if (request.seekerId !== interaction.user.id)
    throw new UserError("Only the person who sent this request can do that.");
  await updateMessage(interaction, ratingKept(request.feedback?.rating));
};
