import type { LibraryTypeSlug } from "../../data/library-types.js";
import { buildChecklist, QUESTION_TOPICS } from "../questions.js";

/** An agenda holds at most this many questions: the guide suggests bringing 8 to 10. */
export const AGENDA_MAX_QUESTIONS = 10;
/** The rough time one question takes in a conversation, answer and follow-ups included. */
export const MINUTES_PER_QUESTION = 3;

/** One topic of a library type's checklist, offered as one menu in the agenda builder. */
export interface AgendaGroup {
  /** A question topic's id, or {@link CLOSING_GROUP} for the questions to close with. */
  id: string;
  name: string;
  questions: readonly string[];
  /** Which of `questions` are good ones to open with. */
  openers: readonly string[];
}

export const CLOSING_GROUP = "closing";

/**
 * The checklist of a library type grouped by topic: the type's own questions of each topic with
 * the questions for any library of that topic, then the questions to close with.
 */
export function agendaGroups(type: LibraryTypeSlug): AgendaGroup[] {
  const topics = QUESTION_TOPICS.map((topic) => {
    const pages = buildChecklist(type, topic.id).slice(0, -1);
    return {
      id: topic.id,
      name: topic.name,
      questions: pages.flatMap((page) => page.questions),
      openers: pages.flatMap((page) => page.openers),
    };
  });
  const closing = buildChecklist(type).at(-1);
  const groups: AgendaGroup[] = topics.filter((group) => group.questions.length > 0);
  if (closing) groups.push({ id: CLOSING_GROUP, name: closing.heading, ...closing });
  return groups;
}

/** The questions a menu's values (indexes into the group's questions) stand for; unknown ones are dropped. */
export function questionsAt(group: AgendaGroup, values: readonly string[]): string[] {
  return values
    .map((value) => (/^\d+$/.test(value) ? group.questions[Number(value)] : undefined))
    .filter((question): question is string => question !== undefined);
}

export interface Selection {
  picks: string[];
  /** The selection would have made the agenda longer than {@link AGENDA_MAX_QUESTIONS}: nothing changed. */
  tooMany: boolean;
}

/**
 * The picks after a menu of one group was changed to `selected`: picks from other groups stay, in
 * order; questions of the group still selected keep their place; new ones go at the end.
 */
export function withSelection(
  picks: readonly string[],
  group: AgendaGroup,
  selected: readonly string[],
): Selection {
  const kept = picks.filter((pick) => !group.questions.includes(pick) || selected.includes(pick));
  const added = group.questions.filter((question) => selected.includes(question) && !kept.includes(question));
  const next = [...kept, ...added];
  if (next.length > AGENDA_MAX_QUESTIONS && added.length > 0) return { picks: [...picks], tooMany: true };
  return { picks: next, tooMany: false };
}

/** How long `count` questions take, roughly, against the meeting's length, as one plain sentence. */
export function estimateLine(count: number, meetingMinutes: number): string {
  const minutes = count * MINUTES_PER_QUESTION;
  const meeting = `a ${meetingMinutes}-minute interview`;
  if (count === 0) {
    const fit = Math.floor(meetingMinutes / MINUTES_PER_QUESTION);
    return `Nothing picked yet. At about ${MINUTES_PER_QUESTION} minutes a question, about ${Math.min(fit, AGENDA_MAX_QUESTIONS)} fit ${meeting}.`;
  }
  const about = `About ${minutes} minutes of questions for ${meeting}`;
  if (minutes < meetingMinutes) return `${about}.`;
  if (minutes === meetingMinutes)
    return `${about}: that fills it, so leave a few minutes for their own questions and for goodbyes.`;
  return `${about}: more than will fit. That's all right as a list to choose from, though dropping a few leaves the ones that matter most more time.`;
}
