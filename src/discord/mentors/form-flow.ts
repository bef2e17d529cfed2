import { type ButtonInteraction, type ChatInputCommandInteraction, userMention } from "discord.js";
import { requireGuild } from "../../core/guild.js";
import { type Reply, respond, updateMessage } from "../../core/respond.js";
import type { BotContext, ComponentHandlers, ComponentInteraction } from "../../core/types.js";
import { UserError } from "../../domain/errors.js";
import {
  DraftChangedError,
  DraftExpiredError,
  type MentorDraft,
  profileFromDraft,
} from "../../domain/mentors/drafts.js";
import { addToTrail } from "../shared/moderators.js";
import { aboutModal, availabilityModal, choicesStep, previewStep, storyModal, storyStep } from "./form.js";
import { requireProfile } from "./listing.js";

const displayNameOf = (interaction: ComponentInteraction | ChatInputCommandInteraction): string =>
  interaction.inCachedGuild() ? interaction.member.displayName : interaction.user.displayName;

async function draftOf(context: BotContext, guildId: string, userId: string): Promise<MentorDraft> {
  const draft = await context.services.mentorDrafts.get(guildId, userId);
  if (!draft) throw new DraftExpiredError();
  return draft;
}

/** Saves one step of the form. */
function saveStep(
  context: BotContext,
  interaction: ComponentInteraction,
  changes: Partial<MentorDraft>,
  step?: "about" | "story" | "availability",
): Promise<MentorDraft> {
  return context.services.mentorDrafts.save(requireGuild(interaction), interaction.user.id, changes, step);
}

function preview(
  context: BotContext,
  interaction: ComponentInteraction,
  draft: MentorDraft,
  notice?: string,
): Reply {
  const valid = profileFromDraft(draft, {
    guildId: requireGuild(interaction),
    userId: interaction.user.id,
    displayName: displayNameOf(interaction),
  });
  const now = context.services.clock();
  return previewStep(draft, { ...valid, joinedAt: now, updatedAt: now }, notice);
}

/**
 * The draft this preview showed; when it changed since (the form was opened again), nothing is
 * saved and the message shows the current preview instead, so resolves to undefined.
 */
async function previewedDraft(
  context: BotContext,
  interaction: ButtonInteraction,
  revision: string | undefined,
): Promise<MentorDraft | undefined> {
  const guildId = requireGuild(interaction);
  try {
    return await context.services.mentorDrafts.previewed(guildId, interaction.user.id, revision);
  } catch (error) {
    if (!(error instanceof DraftChangedError)) throw error;
    let current: Reply;
    try {
      current = preview(context, interaction, error.current, error.message);
    } catch {
      // The newer form is not finished yet: there is no preview to show.
      throw new UserError(
        "Nothing was saved: this form changed elsewhere (you opened it again since this preview). " +
          "Finish the newer form instead.",
      );
    }
    await updateMessage(interaction, current);
    return undefined;
  }
}

/** /mentor join: the first step of the form, for someone not yet listed. */
export async function startJoin(
  interaction: ChatInputCommandInteraction,
  context: BotContext,
): Promise<void> {
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
}

/** /mentor edit: the same form, filled in with the current profile. */
export async function startEdit(
  interaction: ChatInputCommandInteraction,
  context: BotContext,
): Promise<void> {
  const guildId = requireGuild(interaction);
  const profile = requireProfile(context, guildId, interaction.user.id);
  await respond(
    interaction,
    choicesStep(await context.services.mentorDrafts.start(guildId, interaction.user.id, profile)),
  );
}

/** The steps of the /mentor join and edit form, from the menus to the confirm button. */
export const formHandlers = {
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
    if (step === "availability") return interaction.showModal(availabilityModal(draft));
    await interaction.showModal(step === "story" ? storyModal(draft) : aboutModal(draft));
  },

  async "mentor-availability"(interaction, _args, context) {
    const field = (id: string) => interaction.fields.getTextInputValue(id);
    const fields = {
      weeklyWindows: field("weeklyWindows"),
      awayDates: field("awayDates"),
      avoidTopics: field("avoidTopics"),
    };
    const draft = await saveStep(context, interaction, fields, "availability");
    await updateMessage(interaction, preview(context, interaction, draft));
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
    await updateMessage(interaction, preview(context, interaction, draft));
  },

  async "mentor-confirm"(interaction, [revision], context) {
    const guildId = requireGuild(interaction);
    const draft = await previewedDraft(context, interaction, revision);
    if (!draft) return;
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
    const who = userMention(interaction.user.id);
    await addToTrail(interaction.client, context, guildId, created ? "join" : "edit", {
      content: created
        ? `➕ ${who} joined the volunteer librarians.`
        : `✏️ ${who} edited their librarian profile.`,
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
} satisfies ComponentHandlers;
