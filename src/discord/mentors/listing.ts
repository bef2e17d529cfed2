import { ButtonStyle, type ChatInputCommandInteraction, ComponentType, time, userMention } from "discord.js";
import { customId } from "../../core/custom-ids.js";
import { requireGuild } from "../../core/guild.js";
import { respond, sendDm, updateMessage } from "../../core/respond.js";
import { safeText } from "../../core/safe-text.js";
import type { BotContext, ComponentHandler } from "../../core/types.js";
import { UserError } from "../../domain/errors.js";
import { isPaused, type MentorProfile } from "../../domain/mentors/index.js";
import { plural } from "../../domain/plural.js";
import { mentorUnpauseKey, TIMER_KINDS } from "../../domain/timers/index.js";
import { addToTrail } from "../shared/moderators.js";
import { requireManageServer } from "../shared/permissions.js";
import { mentorCard } from "./card.js";
import { deleteLibrarianData } from "./deletion.js";

const NOT_LISTED =
  "You're not listed as a volunteer librarian on this server. `/mentor join` takes two minutes.";

export function requireProfile(context: BotContext, guildId: string, userId: string): MentorProfile {
  const profile = context.services.mentors.get(guildId, userId);
  if (!profile) throw new UserError(NOT_LISTED);
  return profile;
}

function statusLine(profile: MentorProfile, now: number): string {
  if (!isPaused(profile, now)) return "You are listed and can be found with `/findmentor`.";
  const until = profile.pausedUntil ? ` until ${time(Math.floor(profile.pausedUntil / 1000), "D")}` : "";
  const reason = profile.pauseReason ? ` (${safeText(profile.pauseReason)})` : "";
  return `You are paused${until}${reason}: hidden from \`/findmentor\`. \`/mentor resume\` lists you again.`;
}

/** /mentor pause: hidden from searches, for some days or until they resume. */
export async function pauseListing(
  interaction: ChatInputCommandInteraction,
  context: BotContext,
): Promise<void> {
  const guildId = requireGuild(interaction);
  requireProfile(context, guildId, interaction.user.id);
  const days = interaction.options.getInteger("days") ?? undefined;
  const profile = await context.services.mentors.pause(guildId, interaction.user.id, days);
  // A timed pause: the mentor-unpause timer lists them again when it ends, and tells them.
  const timerKey = mentorUnpauseKey(guildId, profile.userId);
  if (profile.pausedUntil === undefined) await context.services.timers.cancel(timerKey);
  else {
    await context.services.timers.schedule(timerKey, profile.pausedUntil, TIMER_KINDS.mentorUnpause, {
      guildId,
      mentorId: profile.userId,
    });
  }
  await respond(interaction, {
    ephemeral: true,
    content: `Paused. ${statusLine(profile, context.services.clock())} Requests already sent to you stay open.`,
  });
}

/** /mentor resume: listed again. */
export async function resumeListing(
  interaction: ChatInputCommandInteraction,
  context: BotContext,
): Promise<void> {
  const guildId = requireGuild(interaction);
  requireProfile(context, guildId, interaction.user.id);
  await context.services.mentors.resume(guildId, interaction.user.id);
  await context.services.timers.cancel(mentorUnpauseKey(guildId, interaction.user.id));
  await respond(interaction, {
    ephemeral: true,
    content: "Welcome back! You're listed in `/findmentor` again.",
  });
}

/** /mentor profile: a librarian's public card; one's own also says whether they are listed. */
export async function profileView(
  interaction: ChatInputCommandInteraction,
  context: BotContext,
): Promise<void> {
  const guildId = requireGuild(interaction);
  const user = interaction.options.getUser("user") ?? interaction.user;
  const own = user.id === interaction.user.id;
  const profile = context.services.mentors.get(guildId, user.id);
  if (!profile)
    throw new UserError(
      own ? NOT_LISTED : `${safeText(user.displayName)} isn't listed as a volunteer librarian.`,
    );
  await respond(interaction, {
    ephemeral: true,
    content: own
      ? `${statusLine(profile, context.services.clock())} Up to ${plural(profile.monthlyCapacity, "request")} a month.`
      : undefined,
    embeds: [mentorCard(profile)],
  });
}

/** /mentor leave: asks for a confirmation first. */
export async function leaveListing(
  interaction: ChatInputCommandInteraction,
  context: BotContext,
): Promise<void> {
  requireProfile(context, requireGuild(interaction), interaction.user.id);
  await respond(interaction, {
    ephemeral: true,
    content:
      "Leave the volunteer list? I'll delete your profile and its pause, any unfinished `/mentor` form, " +
      "every interview request sent to you (with its ratings), your blocks, and what was kept to protect you " +
      "from people who deleted their data. Anyone with an open request to you will be told it was withdrawn. " +
      "Requests you sent as a seeker stay; `/privacy delete-my-data` deletes those too. Reports you made or " +
      "that name you as a librarian stay with the moderators, holding a one-way code of your id instead of it.",
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.Button,
            style: ButtonStyle.Danger,
            label: "Yes, delete my profile",
            custom_id: customId("mentor-leave", "confirm"),
          },
          {
            type: ComponentType.Button,
            style: ButtonStyle.Secondary,
            label: "Keep me listed",
            custom_id: customId("mentor-leave", "keep"),
          },
        ],
      },
    ],
  });
}

/** /mentor remove: a moderator takes a librarian off the list; they are told by DM. */
export async function removeListing(
  interaction: ChatInputCommandInteraction,
  context: BotContext,
): Promise<void> {
  const guildId = requireManageServer(interaction, "remove librarians");
  const user = interaction.options.getUser("user", true);
  const reason = interaction.options.getString("reason") ?? undefined;
  if (!(await context.services.mentors.remove(guildId, user.id))) {
    throw new UserError(`${safeText(user.displayName)} isn't listed as a volunteer librarian.`);
  }
  await context.services.timers.cancel(mentorUnpauseKey(guildId, user.id));
  const told = await sendDm(user, {
    content:
      `A moderator of **${safeText(interaction.guild?.name ?? "the server")}** removed your volunteer librarian profile ` +
      `from Reference Desk${reason ? `. Reason: ${safeText(reason)}` : "."} Your profile was deleted and any open requests to you were withdrawn. ` +
      "If you think this was a mistake, please contact the server's moderators.",
  });
  await respond(interaction, {
    ephemeral: true,
    content: `Removed ${safeText(user.displayName)} from the volunteer list. ${told ? "They were told by DM." : "Their DMs are closed, so they were not told."}`,
  });
  await addToTrail(interaction.client, context, guildId, "remove", {
    content:
      `🚫 ${userMention(interaction.user.id)} removed ${userMention(user.id)} from the volunteer librarians` +
      (reason ? `. Reason: ${safeText(reason)}` : "."),
  });
}

/** The answer to /mentor leave's confirmation. */
export const confirmLeave: ComponentHandler<"button"> = async (interaction, [choice], context) => {
  const guildId = requireGuild(interaction);
  if (choice !== "confirm") {
    return updateMessage(interaction, { components: [], content: "Good news: you're still listed." });
  }
  const deleted = await deleteLibrarianData(context, guildId, interaction.user.id);
  if (!deleted.profile) return updateMessage(interaction, { components: [], content: NOT_LISTED });
  const parts = [
    "your librarian profile",
    deleted.form ? "your unfinished `/mentor` form" : "",
    `${deleted.requests} interview request${deleted.requests === 1 ? "" : "s"} sent to you`,
    `${deleted.blocks} block${deleted.blocks === 1 ? "" : "s"}`,
  ].filter(Boolean);
  await updateMessage(interaction, {
    components: [],
    content: `Done. I deleted ${parts.join(", ")}. Thank you for helping!`,
  });
  await addToTrail(interaction.client, context, guildId, "leave", {
    content: `➖ ${userMention(interaction.user.id)} left the volunteer librarians.`,
  });
};
