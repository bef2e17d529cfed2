import type { LibraryTypeSlug } from "../data/library-types.js";
import {
  QUESTION_TOPICS,
  type QuestionSection,
  type QuestionTopicId,
  questionTopicName,
} from "../data/question-topics.js";
import { COMMON_QUESTIONS, TYPE_QUESTIONS } from "../data/questions.js";

export { QUESTION_TOPICS, type QuestionTopicId };

export interface ChecklistPage {
  heading: string;
  questions: readonly string[];
}

export const isQuestionTopic = (value: string): value is QuestionTopicId =>
  QUESTION_TOPICS.some((topic) => topic.id === value);

const inTopic = (sections: readonly QuestionSection[], topic?: QuestionTopicId): QuestionSection[] =>
  sections.filter((section) => !topic || section.topic === topic);

/**
 * The checklist for a library type as pages: one page per topic of that type's own questions,
 * then one page of questions for any library. With a topic, only that topic's questions.
 */
export function buildChecklist(type: LibraryTypeSlug, topic?: QuestionTopicId): ChecklistPage[] {
  const pages: ChecklistPage[] = inTopic(TYPE_QUESTIONS[type], topic).map((section) => ({
    heading: questionTopicName(section.topic),
    questions: section.questions,
  }));
  const common = inTopic(COMMON_QUESTIONS, topic).flatMap((section) => section.questions);
  if (common.length > 0) pages.push({ heading: "For any library", questions: common });
  return pages;
}

/** Every page as numbered plain text, numbering running on across pages. */
export function checklistAsText(pages: readonly ChecklistPage[]): string {
  let number = 0;
  return pages
    .map((page) =>
      [`${page.heading}`, ...page.questions.map((question) => `${++number}. ${question}`)].join("\n"),
    )
    .join("\n\n");
}

/** The number the first question of `pageIndex` gets when numbering runs on across pages. */
export const firstNumberOf = (pages: readonly ChecklistPage[], pageIndex: number): number =>
  pages.slice(0, pageIndex).reduce((sum, page) => sum + page.questions.length, 0) + 1;
