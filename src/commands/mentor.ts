import {
  ButtonStyle,
  type ChatInputCommandInteraction,
  ComponentType,
  InteractionContextType,
  SlashCommandBuilder,
  time,
} from "discord.js";
import { customId } from "../core/custom-ids.js";
import { requireGuild } from "../core/guild.js";
import { respond, sendDm, updateMessage } from "../core/respond.js";
import type { BotContext, Command, ComponentInteraction } from "../core/types.js";
import { mentorCard } from "../discord/mentors/card.js";
import { aboutModal, choicesStep, previewStep, storyModal, storyStep } from "../discord/mentors/form.js";
import { requireManageServer } from "../discord/shared/permissions.js";
import { safeText } from "../discord/shared/safe-text.js";
import { UserError } from "../domain/errors.js";
import { DraftExpiredError, type MentorDraft, profileFromDraft } from "../domain/mentors/drafts.js";
import { isPaused, MAX_PAUSE_DAYS, type MentorProfile } from "../domain/mentors/index.js";
import { mentorUnpauseKey, TIMER_KINDS } from "../domain/timers/index.js";

const NOT_LISTED =
  "You're not listed as a volunteer librarian on this server. `/mentor join` takes two minutes.";

const data = new SlashCommandBuilder()
  .setName("mentor")
  .setDescription("Volunteer librarians: your listing for informational interviews")
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((sub) =>
    sub.setName("join").setDescription("Volunteer to be asked for informational interviews"),
  )
  .addSubcommand((sub) => sub.setName("edit").setDescription("Change your librarian profile"))
  .addSubcommand((sub) =>
    sub
      .setName("pause")
      .setDescription("Stop appearing in searches for a while")
      .addIntegerOption((o) =>
        o
          .setName("days")
          .setDescription(`How many days (1-${MAX_PAUSE_DAYS}); leave empty to pause until you resume`)
          .setMinValue(1)
          .setMaxValue(MAX_PAUSE_DAYS),
      ),
  )
  .addSubcommand((sub) => sub.setName("resume").setDescription("Appear in searches again"))
  .addSubcommand((sub) =>
    sub
      .setName("profile")
      .setDescription("See a librarian's public profile (default: yours)")
      .addUserOption((o) => o.setName("user").setDescription("The librarian")),
  )
  .addSubcommand((sub) =>
    sub.setName("leave").setDescription("Stop volunteering and delete your librarian profile"),
  )
  .addSubcommand((sub) =>
    sub
      .setName("remove")
      .setDescription("Moderators: take a librarian off the list")
      .addUserOption((o) => o.setName("user").setDescription("The librarian").setRequired(true))
      .addStringOption((o) => o.setName("reason").setDescription("Told to them by DM").setMaxLength(300)),
  );

const displayNameOf = (interaction: ComponentInteraction | ChatInputCommandInteraction): string =>
  interaction.inCachedGuild() ? interaction.member.displayName : interaction.user.displayName;

async function draftOf(context: BotContext, guildId: string, userId: string): Promise<MentorDraft> {
  const draft = await context.services.mentorDrafts.get(guildId, userId);
  if (!draft) throw new DraftExpiredError();
  return draft;
}

function requireProfile(context: BotContext, guildId: string, userId: string): MentorProfile {
  const profile = context.services.mentors.get(guildId, userId);
  if (!profile) throw new UserError(NOT_LISTED);
  return profile;
}

/** Saves one step of the form. */
function saveStep(
  context: BotContext,
  interaction: ComponentInteraction,
  changes: Partial<MentorDraft>,
  step?: "about" | "story",
): Promise<MentorDraft> {
  return context.services.mentorDrafts.save(requireGuild(interaction), interaction.user.id, changes, step);
}

function statusLine(profile: MentorProfile, now: number): string {
  if (!isPaused(profile, now)) return "You are listed and can be found with `/findmentor`.";
  const until = profile.pausedUntil ? ` until ${time(Math.floor(profile.pausedUntil / 1000), "D")}` : "";
  const reason = profile.pauseReason ? ` (${safeText(profile.pauseReason)})` : "";
  return `You are paused${until}${reason}: hidden from \`/findmentor\`. \`/mentor resume\` lists you again.`;
}

const subcommands: Record<
  string,
  (interaction: ChatInputCommandInteraction, context: BotContext) => Promise<void>
> = {
  async join(interaction, context) {
    const guildId = requireGuild(interaction);
    if (context.services.mentors.get(guildId, interaction.user.id)) {
      throw new UserError(
        "You're already listed. `/mentor edit` changes your profile; `/mentor profile` shows it.",
      );
    }
    await respond(
      interaction,
      choicesStep(await context.services.mentorDrafts.start(guildId, interaction.user.id)),
    );
  },

  async edit(interaction, context) {
    const guildId = requireGuild(interaction);
    const profile = requireProfile(context, guildId, interaction.user.id);
    await respond(
      interaction,
      choicesStep(await context.services.mentorDrafts.start(guildId, interaction.user.id, profile)),
    );
  },

  async pause(interaction, context) {
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
  },

  async resume(interaction, context) {
    const guildId = requireGuild(interaction);
    requireProfile(context, guildId, interaction.user.id);
    await context.services.mentors.resume(guildId, interaction.user.id);
    await context.services.timers.cancel(mentorUnpauseKey(guildId, interaction.user.id));
    await respond(interaction, {
      ephemeral: true,
      content: "Welcome back! You're listed in `/findmentor` again.",
    });
  },

  async profile(interaction, context) {
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
        ? `${statusLine(profile, context.services.clock())} Up to ${profile.monthlyCapacity} requests a month.`
        : undefined,
      embeds: [mentorCard(profile)],
    });
  },

  async leave(interaction, context) {
    requireProfile(context, requireGuild(interaction), interaction.user.id);
    await respond(interaction, {
      ephemeral: true,
      content:
        "Leave the volunteer list? Your profile and everything stored about you as a librarian will be deleted, " +
        "and anyone with an open request to you will be told it was withdrawn.",
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
  },

  async remove(interaction, context) {
    const guildId = requireManageServer(interaction, "remove librarians");
    const user = interaction.options.getUser("user", true);
    const reason = interaction.options.getString("reason") ?? undefined;
    if (!(await context.services.mentors.remove(guildId, user.id))) {
      throw new UserError(`${safeText(user.displayName)} isn't listed as a volunteer librarian.`);
    }
    const told = await sendDm(user, {
      content:
        `A moderator of **${safeText(interaction.guild?.name ?? "the server")}** removed your volunteer librarian profile ` +
        `from Reference Desk${reason ? `. Reason: ${safeText(reason)}` : "."} Your profile and requests to you were deleted. ` +
        "If you think this was a mistake, please contact the server's moderators.",
    });
    await respond(interaction, {
      ephemeral: true,
      content: `Removed ${safeText(user.displayName)} from the volunteer list. ${told ? "They were told by DM." : "Their DMs are closed, so they were not told."}`,
    });
  },
};

const command: Command = {
  data,
  help: [
    {
      audience: "librarians",
      usage: "/mentor join",
      summary: "volunteer for informational interviews: a short form, a preview, your consent",
    },
    { audience: "librarians", usage: "/mentor edit | profile", summary: "change or see your profile" },
    {
      audience: "librarians",
      usage: "/mentor pause [days] | resume",
      summary: "hide from searches for a while, then come back",
    },
    {
      audience: "librarians",
      usage: "/mentor leave",
      summary: "stop volunteering; your librarian data is deleted",
    },
    {
      audience: "seekers",
      usage: "/mentor profile user:<user>",
      summary: "a volunteer librarian's public profile",
    },
    {
      audience: "moderators",
      usage: "/mentor remove user:<user> [reason]",
      summary: "take a librarian off the list (they are told by DM)",
    },
  ],

  async execute(interaction, context) {
    const run = subcommands[interaction.options.getSubcommand()];
    if (!run) throw new Error(`No handler for /mentor ${interaction.options.getSubcommand()}`);
    await run(interaction, context);
  },

  components: {
    async "mentor-types"(interaction, _args, context) {
      await updateMessage(
        interaction,
        choicesStep(await saveStep(context, interaction, { libraryTypes: interaction.values })),
      );
    },

    async "mentor-formats"(interaction, _args, context) {
      await updateMessage(
        interaction,
        choicesStep(await saveStep(context, interaction, { formats: interaction.values })),
      );
    },

    async "mentor-step"(interaction, [step], context) {
      const draft = await draftOf(context, requireGuild(interaction), interaction.user.id);
      if (step === "choices") return updateMessage(interaction, choicesStep(draft));
      if (!draft.libraryTypes?.length || !draft.formats?.length) {
        throw new UserError("Pick at least one library type and one format first.");
      }
      await interaction.showModal(step === "story" ? storyModal(draft) : aboutModal(draft));
    },

    async "mentor-about"(interaction, _args, context) {
      const field = (id: string) => interaction.fields.getTextInputValue(id);
      const fields = {
        role: field("role"),
        institution: field("institution"),
        region: field("region"),
        timeZone: field("timeZone"),
        topics: field("topics"),
      };
      await updateMessage(interaction, storyStep(await saveStep(context, interaction, fields, "about")));
    },

    async "mentor-story"(interaction, _args, context) {
      const field = (id: string) => interaction.fields.getTextInputValue(id);
      const fields = {
        bio: field("bio"),
        careerMoves: field("careerMoves"),
        monthlyCapacity: field("monthlyCapacity"),
      };
      const draft = await saveStep(context, interaction, fields, "story");
      const guildId = requireGuild(interaction);
      const valid = profileFromDraft(draft, {
        guildId,
        userId: interaction.user.id,
        displayName: displayNameOf(interaction),
      });
      const now = context.services.clock();
      await updateMessage(interaction, previewStep(draft, { ...valid, joinedAt: now, updatedAt: now }));
    },

    async "mentor-confirm"(interaction, _args, context) {
      const guildId = requireGuild(interaction);
      const draft = await draftOf(context, guildId, interaction.user.id);
      const valid = profileFromDraft(draft, {
        guildId,
        userId: interaction.user.id,
        displayName: displayNameOf(interaction),
      });
      const { created } = await context.services.mentors.join(valid);
      await context.services.mentorDrafts.discard(guildId, interaction.user.id);
      await updateMessage(interaction, {
        embeds: [],
        components: [],
        content: created
          ? "**You're listed. Thank you for volunteering!** You agreed to be listed in `/findmentor` on this server and " +
            "to be contacted through the bot. Each request comes to you by DM with Accept and Decline buttons; nothing " +
            "about you is shared until you accept. `/mentor pause`, `/mentor edit` and `/mentor leave` work at any time."
          : "Saved. Your profile is updated; `/mentor profile` shows it.",
      });
    },

    async "mentor-cancel"(interaction, _args, context) {
      await context.services.mentorDrafts.discard(requireGuild(interaction), interaction.user.id);
      await updateMessage(interaction, {
        embeds: [],
        components: [],
        content: "Cancelled. Nothing was saved.",
      });
    },

    async "mentor-leave"(interaction, [choice], context) {
      const guildId = requireGuild(interaction);
      if (choice !== "confirm") {
        return updateMessage(interaction, { components: [], content: "Good news: you're still listed." });
      }
      const existed = await context.services.mentors.leave(guildId, interaction.user.id);
      await updateMessage(interaction, {
        components: [],
        content: existed
          ? "Done. Your librarian profile and everything stored about you as a librarian are deleted. Thank you for helping!"
          : NOT_LISTED,
      });
    },
  },
};

export default command;
