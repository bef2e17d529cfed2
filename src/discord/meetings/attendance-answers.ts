import type { Client } from "discord.js";
import { type Reply, respond } from "../../core/respond.js";
import { safeText } from "../../core/safe-text.js";
import type { BotContext, ComponentHandler } from "../../core/types.js";
import { UserError } from "../../domain/errors.js";
import { type AttendanceResult, isAttendance, otherOf } from "../../domain/meetings/index.js";
import type { InterviewRequest, MeetingEffect } from "../../domain/requests/index.js";
import { alternativesFor } from "../requests/alternatives.js";
import { refreshCard } from "../requests/delivery.js";
import type { MeetingEffectHandlers } from "../requests/effects.js";
import { settled } from "../requests/effects.js";
import { metPrompt } from "../requests/kit.js";
import { notify, post } from "../requests/messaging.js";
import { librarianName } from "../requests/names.js";
import { ANSWER_LABELS } from "./attendance-view.js";
import { postDispute, recordNoShow } from "./no-show-actions.js";
import { movedMessage, notHeldIntro, notHeldNote } from "./nudge.js";
import { slotPickerRows } from "./picker-slot.js";

/** The librarian said it happened: the seeker gets the thank-you template and the private rating by DM. */
async function promptThanks(
  client: Client,
  context: BotContext,
  request: InterviewRequest,
): Promise<boolean> {
  const { ephemeral: _, ...prompt } = metPrompt(request);
  return notify(client, context, request.seekerId, {
    ...prompt,
    content: `**${safeText(librarianName(context, request))}** said your informational interview happened. ${prompt.content ?? ""}`,
    nonce: `thanks-${request.id}`,
  });
}

/** Archives the closed interview's thread; either of the two can still reopen it by writing. */
async function archive(client: Client, context: BotContext, threadId: string): Promise<void> {
  try {
    const thread = await client.channels.fetch(threadId);
    if (thread?.isThread()) await thread.setArchived(true, "no time was agreed for the interview");
  } catch (error) {
    context.logger.warn({ err: error, threadId }, "could not archive a closed interview's thread");
  }
}

/**
 * No time was agreed in time: a kind note closes the thread, which is then archived (without a
 * thread the note reaches the librarian by DM), and the seeker gets the next librarians to ask.
 * Safe to run again: nonces drop repeats.
 */
async function tellNotHeld(client: Client, context: BotContext, request: InterviewRequest): Promise<void> {
  const name = librarianName(context, request);
  const inThread =
    request.threadId !== undefined &&
    (await post(client, context, request.threadId, {
      ...notHeldNote(request, name, "thread"),
      nonce: `nh-${request.id}-t`,
    }));
  if (inThread && request.threadId) await archive(client, context, request.threadId);
  else
    await notify(client, context, request.mentorId, {
      ...notHeldNote(request, name, "dm"),
      nonce: `nh-${request.id}-l`,
    });
  await notify(client, context, request.seekerId, {
    ...alternativesFor(context, request, notHeldIntro(name)),
    nonce: `nh-${request.id}-s`,
  });
  await refreshCard(client, context, request);
}

/** How the meetings feature carries out its owed effects, now or after a restart. */
export const MEETING_EFFECTS: MeetingEffectHandlers = {
  "prompt-thanks": promptThanks,
  "record-no-show": recordNoShow,
  "post-dispute": postDispute,
  "tell-not-held": tellNotHeld,
};

/** Carries out `effect` and marks it done. */
export const carryOutMeetingEffect = (
  client: Client,
  context: BotContext,
  request: InterviewRequest,
  effect: MeetingEffect,
): Promise<unknown> => settled(context, request, effect, MEETING_EFFECTS[effect](client, context, request));

const STALE = "This button no longer works.";

/** What the person who answered sees, privately (except "We moved it", which both see in the thread). */
function answerText(result: AttendanceResult, userId: string): string {
  const { request } = result;
  const isSeeker = userId === request.seekerId;
  const disputed = result.effects.includes("post-dispute");
  switch (result.answer) {
    case "met":
      return !isSeeker && result.becameMet
        ? `Thank you! I've sent ${safeText(request.seekerName)} a thank-you note template and asked them privately how it went.`
        : "Thank you, noted.";
    case "no-show":
      return disputed
        ? "Thank you. The other person answered differently, so the moderators will have a look."
        : "I'm sorry they didn't come. I've noted it, and the moderators can see it. You're welcome to ask again with `/findmentor`.";
    case "moved":
      return "Noted: agree a new time and I'll remind you both again.";
  }
}

/**
 * The seeker's yes: the thank-you template and the rating, once. When the librarian said yes first
 * (the template went by DM), only the rating, and only if not given yet.
 */
function seekerMetReply(result: AttendanceResult): Reply {
  const prompt = metPrompt(result.request);
  if (result.becameMet) return prompt;
  if (result.request.feedback !== undefined) return { ephemeral: true, content: "Thank you, noted." };
  return {
    ...prompt,
    content:
      "Thank you, noted. If you haven't said yet: how useful was it? Only this server's moderators see your answer.",
  };
}

/**
 * "Yes, we met" / "They didn't come" / "We moved it": only the seeker and the librarian may
 * answer, each once. What the answer owes (the seeker's thank-you prompt, a no-show, a dispute)
 * was saved with it and is carried out here.
 */
export const answerAttendance: ComponentHandler<"button"> = async (interaction, args, context) => {
  const [guildId, requestId, roundArg, answer] = args;
  const round = Number(roundArg);
  if (!guildId || !requestId || !Number.isInteger(round) || !isAttendance(answer)) throw new UserError(STALE);
  const userId = interaction.user.id;
  const result = await context.services.meetings.attendance.answer(guildId, requestId, userId, round, answer);
  const { request } = result;
  if (!result.recorded) {
    await respond(interaction, {
      ephemeral: true,
      content: `You already answered “${ANSWER_LABELS[result.answer]}”, and that stands.`,
    });
    return;
  }
  const client = interaction.client;
  if (answer === "moved") {
    await context.services.meetings.followThrough.restartClose(request);
    const byName = userId === request.seekerId ? request.seekerName : librarianName(context, request);
    const moved = movedMessage(request, byName, slotPickerRows(request));
    if (request.threadId && interaction.channelId === request.threadId) await respond(interaction, moved);
    else {
      await respond(interaction, { ...moved, ephemeral: true });
      await notify(client, context, otherOf(request, userId), {
        ...moved,
        nonce: `mv-${request.id}-${round}`,
      });
    }
  } else if (answer === "met" && userId === request.seekerId) {
    await respond(interaction, seekerMetReply(result));
  } else {
    await respond(interaction, { ephemeral: true, content: answerText(result, userId) });
  }
  for (const effect of result.effects) await carryOutMeetingEffect(client, context, request, effect);
  if (result.becameMet) await refreshCard(client, context, request);
};
