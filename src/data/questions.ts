import type { LibraryTypeSlug } from "./library-types.js";
import type { QuestionSection } from "./question-topics.js";
import { ACADEMIC_QUESTIONS } from "./questions/academic.js";
import { ARCHIVES_QUESTIONS } from "./questions/archives.js";
import { COMMUNITY_COLLEGE_QUESTIONS } from "./questions/community-college.js";
import { CORPORATE_QUESTIONS } from "./questions/corporate.js";
import { GOVERNMENT_QUESTIONS } from "./questions/government.js";
import { LAW_QUESTIONS } from "./questions/law.js";
import { MEDICAL_QUESTIONS } from "./questions/medical.js";
import { MUSEUM_QUESTIONS } from "./questions/museum.js";
import { PUBLIC_LIBRARY_QUESTIONS } from "./questions/public-library.js";
import { RARE_BOOKS_QUESTIONS } from "./questions/rare-books.js";
import { SCHOOL_QUESTIONS } from "./questions/school.js";
import { SPECIAL_QUESTIONS } from "./questions/special.js";

/**
 * Questions that suit a conversation with a librarian in any kind of library.
 * Type checklists never repeat these.
 */
export const COMMON_QUESTIONS: readonly QuestionSection[] = [
  {
    topic: "day-to-day",
    questions: [
      "What does a typical week look like for you, and how much of it is planned ahead versus whatever comes up?",
      "Which part of your job do you enjoy most, and which part would you happily hand to someone else?",
    ],
  },
  {
    topic: "library-and-people",
    questions: [
      "Who does your library serve, and how has that changed since you started?",
      "How would you describe the culture of your team and of the wider organization around it?",
    ],
  },
  {
    topic: "hiring-and-career",
    questions: [
      "How did you get into this work, and what would you do differently if you were starting today?",
      "What do the people who hire for jobs like yours look for when they read an application from a new librarian?",
    ],
  },
  {
    topic: "skills-and-growth",
    questions: [
      "Which things from your library degree do you use most, and which did you have to learn on the job?",
      "Which professional groups, events or reading help you keep up with changes in the field?",
      "If you were in my position now, what would you focus on over the next year?",
    ],
  },
];

/** Questions specific to each kind of library, grouped under every topic. */
export const TYPE_QUESTIONS: Record<LibraryTypeSlug, readonly QuestionSection[]> = {
  academic: ACADEMIC_QUESTIONS,
  "public-library": PUBLIC_LIBRARY_QUESTIONS,
  school: SCHOOL_QUESTIONS,
  special: SPECIAL_QUESTIONS,
  archives: ARCHIVES_QUESTIONS,
  "rare-books": RARE_BOOKS_QUESTIONS,
  law: LAW_QUESTIONS,
  medical: MEDICAL_QUESTIONS,
  government: GOVERNMENT_QUESTIONS,
  museum: MUSEUM_QUESTIONS,
  corporate: CORPORATE_QUESTIONS,
  "community-college": COMMUNITY_COLLEGE_QUESTIONS,
};
