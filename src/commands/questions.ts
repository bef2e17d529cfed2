import {
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  ButtonStyle,
  ComponentType,
  SlashCommandBuilder,
} from "discord.js";
import { customId } from "../core/custom-ids.js";
import { splitText } from "../core/limits.js";
import { respond, sendDm, updateMessage } from "../core/respond.js";
import type { Command, ComponentInteraction } from "../core/types.js";
import { GUIDE } from "../data/guide.js";
import type { LibraryTypeSlug } from "../data/library-types.js";
import { autocompleteLibraryType, LIBRARY_TYPE_OPTION } from "../discord/shared/library-type.js";
import { BRAND_COLOR } from "../discord/shared/style.js";
import { UserError } from "../domain/errors.js";
import { getLibraryType, isLibraryTypeSlug, resolveLibraryType } from "../domain/library-types.js";
import {
  buildChecklist,
  checklistAsText,
  firstNumberOf,
  isQuestionTopic,
  QUESTION_TOPICS,
  type QuestionTopicId,
} from "../domain/questions.js";

const ALL_TOPICS = "-";

function renderPage(type: LibraryTypeSlug, topic: QuestionTopicId | undefined, pageIndex: number) {
  const pages = buildChecklist(type, topic);
  const index = Math.min(Math.max(pageIndex, 0), pages.length - 1);
  const page = pages[index];
  if (!page) throw new Error(`No checklist for ${type}`);
  const first = firstNumberOf(pages, index);
  const embed: APIEmbed = {
    color: BRAND_COLOR,
    title: `Informational interview questions: ${getLibraryType(type).name}`,
    description: [`**${page.heading}**`, ...page.questions.map((q, i) => `${first + i}. ${q}`)].join("\n"),
    footer: { text: `Page ${index + 1} of ${pages.length} · ${GUIDE.etiquetteReminder}` },
  };
  const topicArg = topic ?? ALL_TOPICS;
  const row: APIActionRowComponent<APIComponentInMessageActionRow> = {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: "Previous",
        custom_id: customId("questions-page", type, topicArg, index - 1),
        disabled: index === 0,
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: "Next",
        custom_id: customId("questions-page", type, topicArg, index + 1),
        disabled: index === pages.length - 1,
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Primary,
        label: "Send to my DMs",
        custom_id: customId("questions-dm", type, topicArg),
      },
    ],
  };
  return { embeds: [embed], components: [row] };
}

function parseArgs(args: readonly string[]): { type: LibraryTypeSlug; topic: QuestionTopicId | undefined } {
  const [type = "", topic = ALL_TOPICS] = args;
  if (!isLibraryTypeSlug(type)) throw new Error(`Bad library type in custom ID: ${type}`);
  return { type, topic: isQuestionTopic(topic) ? topic : undefined };
}

/** Who ran the command that made this message: Discord says so in the message, not the custom ID. */
const invokerOf = (interaction: ComponentInteraction): string | undefined =>
  interaction.message?.interactionMetadata?.user.id;

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
    const type = resolveLibraryType(interaction.options.getString(LIBRARY_TYPE_OPTION, true));
    const topicInput = interaction.options.getString("topic");
    const topic = topicInput && isQuestionTopic(topicInput) ? topicInput : undefined;
    const share = interaction.options.getBoolean("share") ?? false;
    await respond(interaction, { ...renderPage(type.slug as LibraryTypeSlug, topic, 0), ephemeral: !share });
  },

  autocomplete: autocompleteLibraryType,

  components: {
    async "questions-page"(interaction, args) {
      if (invokerOf(interaction) !== interaction.user.id) {
        throw new UserError("This checklist isn't yours to page through. Run `/questions` to get your own.");
      }
      const { type, topic } = parseArgs(args);
      await updateMessage(interaction, renderPage(type, topic, Number(args[2] ?? 0)));
    },

    async "questions-dm"(interaction, args) {
      const { type, topic } = parseArgs(args);
      const title = `Informational interview questions: ${getLibraryType(type).name}`;
      const text = `**${title}**\n\n${checklistAsText(buildChecklist(type, topic))}\n\n${GUIDE.etiquetteReminder}`;
      let delivered = true;
      for (const chunk of splitText(text)) {
        delivered = await sendDm(interaction.user, { content: chunk });
        if (!delivered) break;
      }
      await respond(interaction, {
        ephemeral: true,
        content: delivered
          ? "Sent! The whole checklist is in your DMs."
          : "I couldn't DM you: your DMs are closed to me. Allow direct messages from server members " +
            "(Server menu → Privacy Settings) and press the button again.",
      });
    },
  },
};

export default command;
