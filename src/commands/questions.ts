import { SlashCommandBuilder } from "discord.js";
import { respond } from "../core/respond.js";
import type { Command } from "../core/types.js";
import { checklistHandlers, checklistPage } from "../discord/questions/checklist.js";
import { autocompleteLibraryType, LIBRARY_TYPE_OPTION } from "../discord/shared/library-type.js";
import { autocompleteRole, ROLE_OPTION } from "../discord/shared/role.js";
import { autocompleteStage, STAGE_OPTION } from "../discord/shared/stage.js";
import { UserError } from "../domain/errors.js";
import { nearestTypeNote, resolveLibraryType } from "../domain/library-types.js";
import { isQuestionTopic, QUESTION_TOPICS } from "../domain/questions.js";
import { resolveRole } from "../domain/roles.js";
import { resolveStage } from "../domain/stages.js";

const command: Command = {
  data: new SlashCommandBuilder()
    .setName("questions")
    .setDescription("A checklist of questions to ask a librarian in an informational interview")
    .addStringOption((option) =>
      option
        .setName(LIBRARY_TYPE_OPTION)
        .setDescription(
          "The kind of library, e.g. academic or public-library (or give a role or a stage, or a mix)",
        )
        .setAutocomplete(true),
    )
    .addStringOption((option) =>
      option
        .setName("topic")
        .setDescription("Only the questions on one topic")
        .addChoices(...QUESTION_TOPICS.map((topic) => ({ name: topic.name, value: topic.id }))),
    )
    .addBooleanOption((option) =>
      option
        .setName("share")
        .setDescription("Post the checklist in the channel for everyone (default: only you)"),
    )
    .addStringOption((option) =>
      option
        .setName(ROLE_OPTION)
        .setDescription(
          "A kind of library job, e.g. cataloging or youth services (or give a type or a stage, or a mix)",
        )
        .setAutocomplete(true),
    )
    .addStringOption((option) =>
      option
        .setName(STAGE_OPTION)
        .setDescription("Where you are: thinking about an MLIS, student, new grad, career changer…")
        .setAutocomplete(true),
    ),
  help: [
    {
      audience: "seekers",
      usage: "/questions library-type:<type> and/or role:<role> and/or stage:<stage> [topic] [share]",
      summary:
        "questions to ask a librarian of that kind of library, in that role, for your career stage " +
        "(e.g. student, career changer), or any mix, page by page, and by DM",
    },
  ],

  readsServerData: false,
  async execute(interaction) {
    const typeInput = interaction.options.getString(LIBRARY_TYPE_OPTION);
    const roleInput = interaction.options.getString(ROLE_OPTION);
    const stageInput = interaction.options.getString(STAGE_OPTION);
    if (!typeInput && !roleInput && !stageInput) {
      throw new UserError(
        "Tell me whose questions you want: a `library-type` (e.g. academic), a `role` (e.g. cataloging), " +
          "a `stage` (e.g. career changer), or any mix of them.",
      );
    }
    const type = typeInput ? resolveLibraryType(typeInput).slug : undefined;
    const note = typeInput ? nearestTypeNote(typeInput) : undefined;
    const role = roleInput ? resolveRole(roleInput).slug : undefined;
    const stage = stageInput ? resolveStage(stageInput).slug : undefined;
    const topicInput = interaction.options.getString("topic");
    const topic = topicInput && isQuestionTopic(topicInput) ? topicInput : undefined;
    const share = interaction.options.getBoolean("share") ?? false;
    await respond(interaction, {
      ...checklistPage({ type, role, topic, stage }, 0),
      content: note,
      ephemeral: !share,
    });
  },

  async autocomplete(interaction) {
    const focused = interaction.options.getFocused(true).name;
    if (focused === ROLE_OPTION) return autocompleteRole(interaction);
    if (focused === STAGE_OPTION) return autocompleteStage(interaction);
    return autocompleteLibraryType(interaction);
  },

  components: checklistHandlers,
};

export default command;
