import { type Reply, respond } from "../../core/respond.js";
import { safeText } from "../../core/safe-text.js";
import type { ComponentHandler } from "../../core/types.js";
import { UserError } from "../../domain/errors.js";
import { type AttendanceResult, isAttendance, otherOf } from "../../domain/meetings/attendance.js";
import { refreshCard } from "../requests/delivery.js";
import { metPrompt } from "../requests/kit.js";
import { notify, post } from "../requests/messaging.js";
import { librarianName } from "../requests/names.js";
import { ANSWER_LABELS } from "./attendance-view.js";
import { picker } from "./effects.js";
import { carryOutFollowThrough } from "./follow-through-effects.js";
import { movedMessage } from "./nudge.js";

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
  const result = await context.services.followThrough.attendance.answer(
    guildId,
    requestId,
    userId,
    round,
    answer,
  );
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
    await context.services.followThrough.restartClose(request);
    const byName = userId === request.seekerId ? request.seekerName : librarianName(context, request);
    const moved = movedMessage(byName);
    const times = picker(context, request);
    if (request.threadId && interaction.channelId === request.threadId) {
      await respond(interaction, moved);
      await post(client, context, request.threadId, times);
    } else {
      await respond(interaction, { ...moved, ephemeral: true });
      await notify(client, context, otherOf(request, userId), {
        ...moved,
        nonce: `mv-${request.id}-${round}`,
      });
      await notify(client, context, userId, times);
      await notify(client, context, otherOf(request, userId), times);
    }
  } else if (answer === "met" && userId === request.seekerId) {
    await respond(interaction, seekerMetReply(result));
  } else {
    await respond(interaction, { ephemeral: true, content: answerText(result, userId) });
  }
  for (const effect of result.effects) await carryOutFollowThrough(client, context, request, effect);
  if (result.becameMet) await refreshCard(client, context, request);
};
