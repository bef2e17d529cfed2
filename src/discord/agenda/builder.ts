import {
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type APISelectMenuOption,
  ButtonStyle,
  ComponentType,
} from "discord.js";
import { customId } from "../../core/custom-ids.js";
import { LIMITS, truncate } from "../../core/limits.js";
import type { Reply } from "../../core/respond.js";
import { safeText } from "../../core/safe-text.js";
import {
  AGENDA_MAX_QUESTIONS,
  type AgendaGroup,
  type AgendaView,
  estimateLine,
} from "../../domain/agenda/index.js";
import { OPENER_MARK } from "../../domain/questions.js";
import type { InterviewRequest } from "../../domain/requests/index.js";
import { BRAND_COLOR } from "../shared/style.js";

type Row = APIActionRowComponent<APIComponentInMessageActionRow>;

/** Discord allows 5 rows a message: one for the buttons, the rest for one topic menu each. */
export const MENUS_PER_PAGE = 4;
const OPTIONS_PER_MENU = 25;

export const pageCount = (groups: readonly AgendaGroup[]): number =>
  Math.ceil(groups.length / MENUS_PER_PAGE);

/** The page a topic's menu is on. */
export const pageOf = (groups: readonly AgendaGroup[], groupId: string): number =>
  Math.max(0, Math.floor(groups.findIndex((group) => group.id === groupId) / MENUS_PER_PAGE));

export interface BuilderContext {
  librarianName: string;
  /** Topics the librarian would rather not discuss, from their profile. */
  avoidTopics: readonly string[];
}

/**
 * The seeker's private agenda builder: what they picked so far with the time it takes against the
 * meeting's length, one menu per topic (a page at a time), and Post and Clear.
 */
export function agendaBuilder(view: AgendaView, who: BuilderContext, page: number, notice?: string): Reply {
  const { groups, draft, meetingMinutes } = view;
  const pages = pageCount(groups);
  const index = Math.min(Math.max(page, 0), pages - 1);
  const picks = draft.picks;
  const content = [
    `**Your agenda for the interview with ${safeText(who.librarianName)}**`,
    `Pick up to ${AGENDA_MAX_QUESTIONS} questions from the menus. I keep your picks until you post them.`,
    who.avoidTopics.length > 0
      ? `They'd rather not discuss: ${who.avoidTopics.map(safeText).join(", ")}.`
      : "",
    pages > 1 ? `Topics page ${index + 1} of ${pages}.` : "",
    notice ?? "",
  ]
    .filter(Boolean)
    .join("\n");
  // The picks go in an embed: ten long questions would not fit in a message's text beside the rest.
  const picked: APIEmbed = {
    color: BRAND_COLOR,
    title: `Picked: ${picks.length} of ${AGENDA_MAX_QUESTIONS}`,
    description: [
      ...picks.map((question, i) => `${i + 1}. ${question}`),
      ...(picks.length > 0 ? [""] : []),
      estimateLine(picks.length, meetingMinutes),
    ].join("\n"),
  };
  const shown = groups.slice(index * MENUS_PER_PAGE, (index + 1) * MENUS_PER_PAGE);
  return {
    content,
    embeds: [picked],
    components: [
      ...shown.map((group) => menuRow(view.request, group, picks)),
      buttonRow(view.request, index, pages, picks.length > 0),
    ],
  };
}

function menuRow(request: InterviewRequest, group: AgendaGroup, picks: readonly string[]): Row {
  const questions = group.questions.slice(0, OPTIONS_PER_MENU);
  const outside = picks.filter((pick) => !questions.includes(pick)).length;
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.StringSelect,
        custom_id: customId("agenda-pick", request.guildId, request.id, group.id),
        placeholder: group.name,
        min_values: 0,
        max_values: Math.max(1, Math.min(questions.length, AGENDA_MAX_QUESTIONS - outside)),
        options: questions.map((question, i) => ({
          ...optionText(question),
          value: String(i),
          default: picks.includes(question),
          ...(group.openers.includes(question) ? { emoji: { name: OPENER_MARK } } : {}),
        })),
      },
    ],
  };
}

/** A question too long for an option's label goes on in its description. */
function optionText(question: string): Pick<APISelectMenuOption, "label" | "description"> {
  const max = LIMITS.selectOptionLabel;
  if (question.length <= max) return { label: question };
  const space = question.lastIndexOf(" ", max - 1);
  const cut = space > max / 2 ? space : max - 1;
  return {
    label: `${question.slice(0, cut)}…`,
    description: truncate(`…${question.slice(cut).trimStart()}`, LIMITS.selectOptionDescription),
  };
}

function buttonRow(request: InterviewRequest, page: number, pages: number, anyPicked: boolean): Row {
  const button = (
    prefix: "agenda-page" | "agenda-post" | "agenda-clear",
    label: string,
    style: ButtonStyle.Primary | ButtonStyle.Secondary,
    target: number,
    disabled = false,
  ) => ({
    type: ComponentType.Button as const,
    style,
    label,
    custom_id: customId(prefix, request.guildId, request.id, target),
    disabled,
  });
  const paging =
    pages > 1
      ? [
          button("agenda-page", "Previous topics", ButtonStyle.Secondary, page - 1, page === 0),
          button("agenda-page", "More topics", ButtonStyle.Secondary, page + 1, page === pages - 1),
        ]
      : [];
  return {
    type: ComponentType.ActionRow,
    components: [
      ...paging,
      button("agenda-post", "Post agenda", ButtonStyle.Primary, page, !anyPicked),
      button("agenda-clear", "Clear picks", ButtonStyle.Secondary, page, !anyPicked),
    ],
  };
}
