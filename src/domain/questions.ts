import type { LibraryTypeSlug } from "../data/library-types.js";
import { CLOSING_QUESTIONS, COMMON_OPENERS, TYPE_OPENERS } from "../data/openers.js";
import {
  QUESTION_TOPICS,
  type QuestionSection,
  type QuestionTopicId,
  questionTopicName,
} from "../data/question-topics.js";
import { COMMON_QUESTIONS, TYPE_QUESTIONS } from "../data/questions.js";
import { ROLE_QUESTIONS } from "../data/role-questions.js";
import type { RoleSlug } from "../data/roles.js";
import { STAGE_QUESTIONS } from "../data/stage-questions.js";
import type { StageSlug } from "../data/stages.js";
import { getLibraryType } from "./library-types.js";
import { getRole } from "./roles.js";
import { getStage } from "./stages.js";

export { QUESTION_TOPICS, type QuestionTopicId };

export interface ChecklistPage {
  heading: string;
  questions: readonly string[];
  /** Which of `questions` are good ones to open with: views mark them. */
  openers: readonly string[];
}

/** The mark views put before a question to open with. */
export const OPENER_MARK = "⭐";

export const isQuestionTopic = (value: string): value is QuestionTopicId =>
  QUESTION_TOPICS.some((topic) => topic.id === value);

const inTopic = (sections: readonly QuestionSection[], topic?: QuestionTopicId): QuestionSection[] =>
  sections.filter((section) => !topic || section.topic === topic);

/**
 * The checklist for a career stage, a library type, a role, or any mix, as pages: one page per topic
 * of the stage's own questions, then one per topic of the role's, then of the type's, then one page of
 * questions for any library, then a short page of questions to close with. Good questions to open
 * with are listed on each page. With a topic, only that topic's questions. With a stage or a role,
 * each page's heading also names whose questions they are.
 */
export function buildChecklist(
  type: LibraryTypeSlug | undefined,
  topic?: QuestionTopicId,
  role?: RoleSlug,
  stage?: StageSlug,
): ChecklistPage[] {
  const openers = [...COMMON_OPENERS, ...(type ? TYPE_OPENERS[type] : [])];
  const page = (heading: string, questions: readonly string[]): ChecklistPage => ({
    heading,
    questions,
    openers: questions.filter((question) => openers.includes(question)),
  });
  const pagesOf = (sections: readonly QuestionSection[], owner?: string): ChecklistPage[] =>
    inTopic(sections, topic).map((section) =>
      page(
        owner ? `${owner}: ${questionTopicName(section.topic)}` : questionTopicName(section.topic),
        section.questions,
      ),
    );
  const pages = [
    ...(stage ? pagesOf(STAGE_QUESTIONS[stage], getStage(stage).name) : []),
    ...(role ? pagesOf(ROLE_QUESTIONS[role], getRole(role).name) : []),
    ...(type ? pagesOf(TYPE_QUESTIONS[type], role || stage ? getLibraryType(type).name : undefined) : []),
  ];
  const common = inTopic(COMMON_QUESTIONS, topic).flatMap((section) => section.questions);
  if (common.length > 0) pages.push(page("For any library", common));
  pages.push(page("To close", CLOSING_QUESTIONS));
  return pages;
}

/** Every page as numbered plain text, numbering running on across pages. */
export function checklistAsText(pages: readonly ChecklistPage[]): string {
  let number = 0;
  return pages
    .map((page) =>
      [`${page.heading}`, ...page.questions.map((question) => `${++number}. ${marked(page, question)}`)].join(
        "\n",
      ),
    )
    .join("\n\n");
}

/** The question, with the opener mark when it is a good one to open with. */
export const marked = (page: ChecklistPage, question: string): string =>
  page.openers.includes(question) ? `${OPENER_MARK} ${question}` : question;

/** The number the first question of `pageIndex` gets when numbering runs on across pages. */
export const firstNumberOf = (pages: readonly ChecklistPage[], pageIndex: number): number =>
  pages.slice(0, pageIndex).reduce((sum, page) => sum + page.questions.length, 0) + 1;
