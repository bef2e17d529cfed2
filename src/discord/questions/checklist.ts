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
import { glossaryTermsIn } from "../../domain/glossary.js";
import { getLibraryType, isLibraryTypeSlug } from "../../domain/library-types.js";
import {
  buildChecklist,
  checklistAsText,
  firstNumberOf,
  isQuestionTopic,
  marked,
  OPENER_MARK,
  type QuestionTopicId,
} from "../../domain/questions.js";
import { getRole, isRoleSlug, type RoleSlug } from "../../domain/roles.js";
import { getStage, isStageSlug, type StageSlug } from "../../domain/stages.js";
import { sectorCardButton } from "../sectors/card.js";
import { BRAND_COLOR } from "../shared/style.js";

/** Stands for "no topic" (all of them), "no type", "no role" or "no stage" in a custom ID. */
const NONE = "-";

/** Which checklist: a library type, a role, a career stage (at least one of them), and maybe one topic. */
export interface ChecklistChoice {
  type: LibraryTypeSlug | undefined;
  role: RoleSlug | undefined;
  topic: QuestionTopicId | undefined;
  stage?: StageSlug | undefined;
}

const titleOf = ({ type, role, stage }: ChecklistChoice): string => {
  const names = [
    stage && getStage(stage).name,
    role && getRole(role).name,
    type && getLibraryType(type).name,
  ].filter(Boolean);
  return `Informational interview questions: ${names.join(" · ")}`;
};

/** The words of these questions that /glossary explains, as a last line (none when there are none). */
function glossaryLine(questions: readonly string[]): string[] {
  const terms = glossaryTermsIn(questions.join("\n")).map((entry) => entry.term);
  return terms.length > 0 ? ["", `In \`/glossary\`: ${terms.join(", ")}`] : [];
}

/** One page of a checklist, with Previous, Next and "Send to my DMs". */
export function checklistPage(choice: ChecklistChoice, pageIndex: number): Reply {
  const { type, role, topic, stage } = choice;
  const pages = buildChecklist(type, topic, role, stage);
  const index = Math.min(Math.max(pageIndex, 0), pages.length - 1);
  const page = pages[index];
  if (!page) throw new Error(`No checklist for ${type} ${role}`);
  const first = firstNumberOf(pages, index);
  const embed: APIEmbed = {
    color: BRAND_COLOR,
    title: titleOf(choice),
    description: [
      `**${page.heading}**`,
      ...page.questions.map((q, i) => `${first + i}. ${marked(page, q)}`),
      ...glossaryLine(page.questions),
    ].join("\n"),
    footer: {
      text: `Page ${index + 1} of ${pages.length} · ${OPENER_MARK} good to open with · ${GUIDE.etiquetteReminder}`,
    },
  };
  const typeArg = type ?? NONE;
  const topicArg = topic ?? NONE;
  const roleArg = role ?? NONE;
  const stageArg = stage ?? NONE;
  const row: APIActionRowComponent<APIComponentInMessageActionRow> = {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: "Previous",
        custom_id: customId("questions-page", typeArg, topicArg, index - 1, roleArg, stageArg),
        disabled: index === 0,
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: "Next",
        custom_id: customId("questions-page", typeArg, topicArg, index + 1, roleArg, stageArg),
        disabled: index === pages.length - 1,
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Primary,
        label: "Send to my DMs",
        custom_id: customId("questions-dm", typeArg, topicArg, roleArg, stageArg),
      },
      ...(type ? [sectorCardButton(type)] : []),
    ],
  };
  return { embeds: [embed], components: [row] };
}

/**
 * The choice in a button's custom ID: type and topic first, then the role and the stage (older
 * buttons end before them).
 */
function parseChoice(type = NONE, topic = NONE, role = NONE, stage = NONE): ChecklistChoice {
  if (type !== NONE && !isLibraryTypeSlug(type)) throw new Error(`Bad library type in custom ID: ${type}`);
  if (role !== NONE && !isRoleSlug(role)) throw new Error(`Bad role in custom ID: ${role}`);
  if (stage !== NONE && !isStageSlug(stage)) throw new Error(`Bad stage in custom ID: ${stage}`);
  if (type === NONE && role === NONE && stage === NONE) {
    throw new Error("Custom ID has no library type, role or stage");
  }
  return {
    type: type === NONE ? undefined : type,
    role: role === NONE ? undefined : role,
    topic: isQuestionTopic(topic) ? topic : undefined,
    stage: stage === NONE ? undefined : stage,
  };
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
    const [type, topic, page, role, stage] = args;
    await updateMessage(interaction, checklistPage(parseChoice(type, topic, role, stage), Number(page ?? 0)));
  },

  async "questions-dm"(interaction, args) {
    const [type, topic, role, stage] = args;
    const choice = parseChoice(type, topic, role, stage);
    const pages = buildChecklist(choice.type, choice.topic, choice.role, choice.stage);
    const text = `**${titleOf(choice)}**\n\n${checklistAsText(pages)}\n\n${GUIDE.etiquetteReminder}`;
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
