import { ButtonStyle } from "discord.js";
import { respond, updateMessage } from "../../core/respond.js";
import type { ComponentHandler } from "../../core/types.js";
import { tellModerators } from "../shared/moderators.js";
import { safeText } from "../shared/safe-text.js";
import { requestButton, row } from "./card.js";
import { refreshCard } from "./delivery.js";
import { reportMessage } from "./notices.js";
import { requestRef } from "./refs.js";

/** Block asks first: a private "Block Sam?" with Block and Cancel. Nothing changes yet. */
export const block: ComponentHandler<"button"> = async (interaction, args, context) => {
  const { guildId, requestId } = requestRef(args);
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
  const { guildId, requestId } = requestRef(args);
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
  const redraw = [request, ...closed.filter((each) => each.id !== request.id)];
  for (const each of redraw) {
    await refreshCard(interaction.client, context, requests.records.get(guildId, each.id) ?? each);
  }
};

export const cancelBlock: ComponentHandler<"button"> = async (interaction, args, context) => {
  const { guildId, requestId } = requestRef(args);
  const request = context.services.requests.records.requireMentorOf(guildId, requestId, interaction.user.id);
  await updateMessage(interaction, {
    components: [],
    content: `Not blocked. ${safeText(request.seekerName)} can still ask you.`,
  });
};

/** The librarian reports the request: moderators get its content in the log channel. */
export const report: ComponentHandler<"button"> = async (interaction, args, context) => {
  const { guildId, requestId } = requestRef(args);
  const request = context.services.requests.records.requireMentorOf(guildId, requestId, interaction.user.id);
  const sent = await tellModerators(
    interaction.client,
    context,
    guildId,
    undefined,
    reportMessage(request, interaction.user.id),
  );
  await respond(interaction, {
    ephemeral: true,
    content: sent
      ? "Thank you for reporting this. The moderators have the request and will look into it."
      : "Thank you. This server has no log channel set up, so I couldn't pass it on: please tell a moderator directly.",
  });
};
