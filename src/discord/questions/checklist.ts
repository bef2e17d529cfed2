import {
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  ButtonStyle,
  ComponentType,
} from "discord.js";
import { customId } from "../../core/custom-ids.js";
import { splitText } from "../../core/limits.js";
import { type Reply, respond, sendDm, updateMessage } from "../../core/respond.js";
import type { ComponentHandlers, ComponentInteraction } from "../../core/types.js";
import { GUIDE } from "../../data/guide.js";
import type { LibraryTypeSlug } from "../../data/library-types.js";
import { UserError } from "../../domain/errors.js";
import { getLibraryType, isLibraryTypeSlug } from "../../domain/library-types.js";
import {
  buildChecklist,
  checklistAsText,
  firstNumberOf,
  isQuestionTopic,
  type QuestionTopicId,
} from "../../domain/questions.js";
import { BRAND_COLOR } from "../shared/style.js";

const ALL_TOPICS = "-";

/** One page of a checklist, with Previous, Next and "Send to my DMs". */
export function checklistPage(
  type: LibraryTypeSlug,
  topic: QuestionTopicId | undefined,
  pageIndex: number,
): Reply {
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

/** Turning the pages (only for whoever ran the command) and sending the whole checklist by DM. */
export const checklistHandlers = {
  async "questions-page"(interaction, args) {
    if (invokerOf(interaction) !== interaction.user.id) {
      throw new UserError("This checklist isn't yours to page through. Run `/questions` to get your own.");
    }
    const { type, topic } = parseArgs(args);
    await updateMessage(interaction, checklistPage(type, topic, Number(args[2] ?? 0)));
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
} satisfies ComponentHandlers;
