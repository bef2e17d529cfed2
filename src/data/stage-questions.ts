import type { QuestionSection } from "./question-topics.js";
import { PRE_MLIS_QUESTIONS, STUDENT_QUESTIONS } from "./questions/stages/before-and-during-school.js";
import {
  FROM_BUSINESS_QUESTIONS,
  FROM_HEALTH_SCIENCE_QUESTIONS,
  FROM_HISTORY_QUESTIONS,
  FROM_IT_QUESTIONS,
  FROM_LAW_QUESTIONS,
  FROM_TEACHING_QUESTIONS,
} from "./questions/stages/career-changers.js";
import { NEW_GRAD_QUESTIONS, PARAPROFESSIONAL_QUESTIONS } from "./questions/stages/starting-out.js";
import { INTERNATIONAL_QUESTIONS, SECTOR_SWITCHER_QUESTIONS } from "./questions/stages/switchers.js";
import type { StageSlug } from "./stages.js";

/**
 * Questions for each career stage, grouped under topics. Career changers share one core section;
 * otherwise they repeat neither each other nor any type's, role's or the common questions.
 */
export const STAGE_QUESTIONS: Record<StageSlug, readonly QuestionSection[]> = {
  "pre-mlis": PRE_MLIS_QUESTIONS,
  student: STUDENT_QUESTIONS,
  "new-grad": NEW_GRAD_QUESTIONS,
  paraprofessional: PARAPROFESSIONAL_QUESTIONS,
  "from-teaching": FROM_TEACHING_QUESTIONS,
  "from-law": FROM_LAW_QUESTIONS,
  "from-health-science": FROM_HEALTH_SCIENCE_QUESTIONS,
  "from-history": FROM_HISTORY_QUESTIONS,
  "from-it": FROM_IT_QUESTIONS,
  "from-business": FROM_BUSINESS_QUESTIONS,
  "sector-switcher": SECTOR_SWITCHER_QUESTIONS,
  international: INTERNATIONAL_QUESTIONS,
};
