import { type ButtonInteraction, type Client, PermissionFlagsBits, userMention } from "discord.js";
import { respond, updateMessage } from "../../core/respond.js";
import type { BotContext, ComponentHandler } from "../../core/types.js";
import { UserError } from "../../domain/errors.js";
import { NO_SHOW_STOPPER } from "../../domain/requests/seeker-stops.js";
import { guildNameOf, notify } from "../requests/messaging.js";
import { longDuration } from "./durations.js";
import { NO_SHOW_PAUSE_REASON } from "./no-show-actions.js";

/** Checked on every click: the button sits in a channel others may see, and a custom ID proves nothing. */
function requireManageServer(interaction: ButtonInteraction, guildId: string): void {
  const moderator =
    interaction.guildId === guildId && interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild);
  if (!moderator) throw new UserError("Only moderators with the Manage Server permission can do that.");
}

/**
 * Lifts the ladder's own pause or stop on `userId` once no consequence holds on their record: a
 * pause or stop set otherwise (a moderator's, a report's) stays. Run on every Forgive, so a click
 * after a crash finishes what the first began.
 */
async function liftIfNoLongerHeld(client: Client, context: BotContext, guildId: string, userId: string) {
  const { mentors, requests, followThrough } = context.services;
  const record = await followThrough.noShows.get(guildId, userId);
  if (record?.consequence) return [];
  const lifted: string[] = [];
  const profile = mentors.get(guildId, userId);
  if (profile?.pausedAt !== undefined && profile.pauseReason === NO_SHOW_PAUSE_REASON) {
    await mentors.resume(guildId, userId);
    lifted.push("their pause is lifted");
    await notify(client, context, userId, {
      content: `A moderator on **${guildNameOf(client, guildId)}** forgave a missed interview, so your pause is over: seekers can find you again.`,
    });
  }
  if (
    requests.stops.of(guildId, userId)?.stoppedBy === NO_SHOW_STOPPER &&
    (await requests.stops.liftTimed(guildId, userId))
  ) {
    lifted.push("they can send requests again");
    await notify(client, context, userId, {
      content: `A moderator on **${guildNameOf(client, guildId)}** forgave a missed interview, so you can send interview requests there again.`,
    });
  }
  return lifted;
}

/** Forgive, on a no-show or dispute post: that no-show no longer counts, and what it caused is lifted if it no longer holds. */
export const forgiveNoShow: ComponentHandler<"button"> = async (interaction, args, context) => {
  const [guildId, userId, requestId] = args;
  if (!guildId || !userId || !requestId) throw new UserError("This button no longer works.");
  requireManageServer(interaction, guildId);
  const outcome = await context.services.followThrough.noShows.forgive(
    guildId,
    userId,
    requestId,
    interaction.user.id,
  );
  const lifted = await liftIfNoLongerHeld(interaction.client, context, guildId, userId);
  if (!outcome.forgiven) {
    await respond(interaction, {
      ephemeral: true,
      content: `This no-show was already forgiven (or is no longer on record).${lifted.length ? ` Now ${lifted.join(" and ")}.` : ""}`,
    });
    return;
  }
  const after = lifted.length > 0 ? `; ${lifted.join(" and ")}` : "";
  await updateMessage(interaction, {
    content: `${interaction.message.content}\n✅ ${userMention(interaction.user.id)} forgave ${userMention(userId)}'s no-show (${outcome.counted} left in the last ${longDuration(context.config.noShowWindowMs)}${after}).`,
    components: [],
  });
};
