import type { QuestionSection } from "./question-topics.js";
import { ACCESS_SERVICES_QUESTIONS } from "./questions/roles/access-services.js";
import { CATALOGING_QUESTIONS } from "./questions/roles/cataloging.js";
import { DIGITAL_SCHOLARSHIP_QUESTIONS } from "./questions/roles/digital-scholarship.js";
import { INSTRUCTION_QUESTIONS } from "./questions/roles/instruction.js";
import { LEADERSHIP_QUESTIONS } from "./questions/roles/leadership.js";
import { RECORDS_MANAGEMENT_QUESTIONS } from "./questions/roles/records-management.js";
import { RESEARCH_DATA_QUESTIONS } from "./questions/roles/research-data.js";
import { SCHOLARLY_COMMUNICATION_QUESTIONS } from "./questions/roles/scholarly-communication.js";
import { SPECIAL_COLLECTIONS_QUESTIONS } from "./questions/roles/special-collections.js";
import { SYSTEMS_QUESTIONS } from "./questions/roles/systems.js";
import { TECHNICAL_SERVICES_QUESTIONS } from "./questions/roles/technical-services.js";
import { UX_ASSESSMENT_QUESTIONS } from "./questions/roles/ux-assessment.js";
import { YOUTH_SERVICES_QUESTIONS } from "./questions/roles/youth-services.js";
import type { RoleSlug } from "./roles.js";

/** Questions for each role, grouped under topics. They repeat neither the common questions nor each other. */
export const ROLE_QUESTIONS: Record<RoleSlug, readonly QuestionSection[]> = {
  "access-services": ACCESS_SERVICES_QUESTIONS,
  cataloging: CATALOGING_QUESTIONS,
  "digital-scholarship": DIGITAL_SCHOLARSHIP_QUESTIONS,
  instruction: INSTRUCTION_QUESTIONS,
  leadership: LEADERSHIP_QUESTIONS,
  "records-management": RECORDS_MANAGEMENT_QUESTIONS,
  "research-data": RESEARCH_DATA_QUESTIONS,
  "scholarly-communication": SCHOLARLY_COMMUNICATION_QUESTIONS,
  "special-collections": SPECIAL_COLLECTIONS_QUESTIONS,
  systems: SYSTEMS_QUESTIONS,
  "technical-services": TECHNICAL_SERVICES_QUESTIONS,
  "ux-assessment": UX_ASSESSMENT_QUESTIONS,
  "youth-services": YOUTH_SERVICES_QUESTIONS,
};
