import { channelMention, userMention } from "discord.js";
import { respond, updateMessage } from "../../core/respond.js";
import { safeText } from "../../core/safe-text.js";
import type { ComponentHandler } from "../../core/types.js";
import type { InterviewRequest } from "../../domain/requests/index.js";
import { requestEffectsKey, TIMER_KINDS } from "../../domain/timers/index.js";
import type { Connection } from "./connect.js";
import { cardFor } from "./delivery.js";
import { carryOut } from "./effects.js";
import { DECLINE_FIELDS, declineModal } from "./modals.js";
import { requestIn } from "./refs.js";

const ANSWERED: Partial<Record<InterviewRequest["state"], string>> = {
  accepted: "You already accepted this request",
  met: "You already accepted this request, and you have met since",
  declined: "You already declined this request",
};

/** Kind words for a second click on a request that was already answered. */
function alreadyAnswered(request: InterviewRequest): string {
  const where = request.threadId ? ` Your conversation is in ${channelMention(request.threadId)}.` : "";
  return `${ANSWERED[request.state] ?? "This request is closed"}, so there's nothing more to do.${where}`;
}

export const accept: ComponentHandler<"button"> = async (interaction, args, context) => {
  const { guildId, requestId, servedHere } = await requestIn(context, args);
  const { request, changed } = await context.services.requests.lifecycle.accept(
    guildId,
    requestId,
    interaction.user.id,
  );
  if (!changed) return respond(interaction, { ephemeral: true, content: alreadyAnswered(request) });
  const client = interaction.client;
  if (!servedHere) {
    // The thread opens in a server this process does not serve: the process that does opens it,
    // carries out the saved "connect" and redraws this card.
    await context.services.timers.schedule(
      requestEffectsKey(guildId, requestId),
      context.services.clock(),
      TIMER_KINDS.requestEffects,
      { guildId, requestId },
    );
    return updateMessage(interaction, cardFor(client, context, request, { connecting: true }));
  }
  // Answer at once: opening the thread takes several calls.
  await updateMessage(interaction, cardFor(client, context, request, { connecting: true }));
  // The connect effect as composed in bot.ts (the meetings feature adds its time picker).
  const connection = (await carryOut(client, context, request, "connect")) as Connection | undefined;
  // Not connected yet (Discord failed): the retry opens the thread and redraws this card.
  if (!connection) return;
  await updateMessage(interaction, cardFor(client, context, connection.request));
  if (connection.unreached.length > 0) {
    await respond(interaction, {
      ephemeral: true,
      content: `I couldn't DM ${connection.unreached.map(userMention).join(" and ")} the details: their DMs are closed. A moderator can set a mentoring channel with \`/config\` so I can open a private thread instead.`,
    });
  }
};

/** Decline opens a form for an optional reason; only the librarian gets that far. */
export const decline: ComponentHandler<"button"> = async (interaction, args, context) => {
  const { guildId, requestId } = await requestIn(context, args);
  const request = context.services.requests.records.requireMentorOf(guildId, requestId, interaction.user.id);
  if (request.state !== "pending")
    return respond(interaction, { ephemeral: true, content: alreadyAnswered(request) });
  await interaction.showModal(declineModal(request));
};

export const submitDecline: ComponentHandler<"modal"> = async (interaction, args, context) => {
  const { guildId, requestId } = await requestIn(context, args);
  const reason = interaction.fields.getTextInputValue(DECLINE_FIELDS.reason);
  const { requests } = context.services;
  const { request, changed } = await requests.lifecycle.decline(
    guildId,
    requestId,
    interaction.user.id,
    reason,
  );
  if (!changed) return respond(interaction, { ephemeral: true, content: alreadyAnswered(request) });
  const client = interaction.client;
  await updateMessage(interaction, cardFor(client, context, request));
  // Undefined when Discord failed for now: telling them stays owed and is tried again soon.
  const told = await carryOut(client, context, request, "tell-declined");
  await respond(interaction, {
    ephemeral: true,
    content:
      told !== false
        ? `Declined. I told ${safeText(request.seekerName)} kindly${request.declineReason ? ", with your reason," : ""} and showed them other librarians.`
        : "Declined. I couldn't DM them (their DMs are closed), but it no longer shows in their `/requests`.",
  });
};
