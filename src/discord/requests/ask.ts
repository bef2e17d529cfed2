import { respond } from "../../core/respond.js";
import { safeText } from "../../core/safe-text.js";
import type { ComponentHandler } from "../../core/types.js";
import { UserError } from "../../domain/errors.js";
import { isPaused } from "../../domain/mentors/index.js";
import { requestEffectsKey, TIMER_KINDS } from "../../domain/timers/index.js";
import { carryOut } from "./effects.js";
import { ASK_FIELDS, askModal } from "./modals.js";
import { sentConfirmation, shownToSeeker, undeliveredText } from "./notices.js";
import { displayNameOf, seekerGuild } from "./refs.js";

const NOT_LISTED = "This librarian is no longer listed. Run `/findmentor` again to see who is.";

/**
 * "Ask <name>": opens the request form. The seeker-wide limits are checked first so nobody writes a
 * note only to be refused; those messages say nothing about the librarian's choices. Whether this
 * seeker may ask this librarian (blocks, repeats, pauses) is left to the domain at submit, so that a
 * block and a pause look the same.
 */
export const ask: ComponentHandler<"button"> = async (interaction, args, context) => {
  const [mentorId = "", typeSlug = "", scopedGuildId] = args;
  const { guildId } = await seekerGuild(interaction, scopedGuildId, context);
  const { mentors, requests, clock } = context.services;
  const profile = mentors.get(guildId, mentorId);
  if (!profile) throw new UserError(NOT_LISTED);
  try {
    requests.demand.assertRoomToAsk(guildId, interaction.user.id, mentorId, profile.monthlyCapacity, clock());
  } catch (error) {
    throw shownToSeeker(error);
  }
  await interaction.showModal(askModal(profile, typeSlug, interaction.inGuild() ? undefined : guildId));
};

/** The request form was sent: store the request, tell the seeker what happens next, deliver it. */
export const submitAsk: ComponentHandler<"modal"> = async (interaction, args, context) => {
  const [mentorId = "", typeSlug = "", scopedGuildId] = args;
  const { guildId, member, servedHere } = await seekerGuild(interaction, scopedGuildId, context);
  const { mentors, requests } = context.services;
  const profile = mentors.get(guildId, mentorId);
  if (!profile) throw new UserError(NOT_LISTED);
  const note = interaction.fields.getTextInputValue(ASK_FIELDS.note);
  const request = await requests.lifecycle
    .create(
      {
        guildId,
        seekerId: interaction.user.id,
        seekerName: displayNameOf(interaction, member),
        mentorId,
        libraryType: typeSlug,
        note,
        format: interaction.fields.getStringSelectValues(ASK_FIELDS.format)[0] ?? "",
        availability: interaction.fields.getTextInputValue(ASK_FIELDS.availability),
        assignmentDue: interaction.fields.getTextInputValue(ASK_FIELDS.assignmentDue),
        minutes: interaction.fields.getStringSelectValues(ASK_FIELDS.minutes)[0],
      },
      {
        formats: profile.formats,
        monthlyCapacity: profile.monthlyCapacity,
        paused: isPaused(profile, context.services.clock()),
      },
    )
    .catch((error: unknown) => {
      const shown = shownToSeeker(error);
      // The form is gone once refused: give the seeker their words back.
      if (shown instanceof UserError)
        throw new UserError(`${shown.message}\n\nWhat you wrote:\n>>> ${safeText(note)}`);
      throw shown;
    });
  await respond(interaction, sentConfirmation(request, profile.displayName));
  if (!servedHere) {
    // The process serving the guild delivers it (by DM, else in a thread of its mentoring channel).
    await context.services.timers.schedule(
      requestEffectsKey(guildId, request.id),
      context.services.clock(),
      TIMER_KINDS.requestEffects,
      { guildId, requestId: request.id },
    );
    return;
  }
  // Undefined when Discord failed for now: the delivery stays owed and is tried again soon.
  const delivered = await carryOut(interaction.client, context, request, "deliver");
  if (delivered === false) {
    await respond(interaction, { ephemeral: true, content: undeliveredText(profile.displayName) });
  }
};
