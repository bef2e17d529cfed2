import { respond, updateMessage } from "../../core/respond.js";
import type { BotContext, ComponentHandler } from "../../core/types.js";
import { UserError } from "../../domain/errors.js";
import { refreshCard } from "./delivery.js";
import { metPrompt, ratingThanks } from "./kit.js";
import { FROM_LIST, requestList } from "./list.js";
import { librarianName } from "./names.js";
import { cancelledText } from "./notices.js";
import { requestRef } from "./refs.js";

/** The seeker's open requests, for `/requests` and after a cancel from that list. */
export function openRequestsOf(context: BotContext, guildId: string, userId: string) {
  return requestList(context.services.requests.queries.listFor(guildId, userId), (request) =>
    librarianName(context, request),
  );
}

/** The seeker withdraws a request that is still waiting; the librarian's card says so. */
export const cancel: ComponentHandler<"button"> = async (interaction, args, context) => {
  const { guildId, requestId } = requestRef(args);
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
  const { guildId, requestId } = requestRef(args);
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

/** The seeker's 1-5 rating: stored for moderators, shown to nobody else. */
export const rate: ComponentHandler<"button"> = async (interaction, args, context) => {
  const { guildId, requestId } = requestRef(args);
  const rating = Number(args[2]);
  if (!Number.isInteger(rating)) throw new UserError("This button no longer works.");
  await context.services.requests.lifecycle.recordFeedback(guildId, requestId, interaction.user.id, rating);
  await updateMessage(interaction, ratingThanks(rating));
};
