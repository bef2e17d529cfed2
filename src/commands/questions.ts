import { SlashCommandBuilder } from "discord.js";
import { respond } from "../core/respond.js";
import type { Command } from "../core/types.js";
import { checklistHandlers, checklistPage } from "../discord/questions/checklist.js";
import { autocompleteLibraryType, LIBRARY_TYPE_OPTION } from "../discord/shared/library-type.js";
import { nearestTypeNote, resolveLibraryType } from "../domain/library-types.js";
import { isQuestionTopic, QUESTION_TOPICS } from "../domain/questions.js";

const command: Command = {
  data: new SlashCommandBuilder()
    .setName("questions")
    .setDescription("A checklist of questions to ask a librarian in an informational interview")
    .addStringOption((option) =>
      option
        .setName(LIBRARY_TYPE_OPTION)
        .setDescription("The kind of library, e.g. academic or public-library")
        .setRequired(true)
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
    ),
  help: [
    {
      audience: "seekers",
      usage: "/questions library-type:<type> [topic] [share]",
      summary: "questions to ask a librarian of that kind of library, page by page, and by DM",
    },
  ],

  async execute(interaction) {
    const typed = interaction.options.getString(LIBRARY_TYPE_OPTION, true);
    const type = resolveLibraryType(typed);
    const topicInput = interaction.options.getString("topic");
    const topic = topicInput && isQuestionTopic(topicInput) ? topicInput : undefined;
    const share = interaction.options.getBoolean("share") ?? false;
    await respond(interaction, {
      ...checklistPage(type.slug, topic, 0),
      content: nearestTypeNote(typed),
      ephemeral: !share,
    });
  },

  autocomplete: autocompleteLibraryType,

  components: checklistHandlers,
};

export default command;
