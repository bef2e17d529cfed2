import type { QuestionSection } from "../../question-topics.js";

export const RECORDS_MANAGEMENT_QUESTIONS: readonly QuestionSection[] = [
  {
    topic: "day-to-day",
    questions: [
      "How do you apply a retention schedule in practice, and what do you do with records that no schedule covers?",
      "How much of your work is with electronic records such as email, shared drives and collaboration tools?",
      "What happens in your work when the organization receives a legal hold or a public records request?",
    ],
  },
  {
    topic: "library-and-people",
    questions: [
      "How do you persuade busy departments to follow records policies, and what has worked best?",
      "How do you work with legal, IT and compliance staff, and who has the final say on a retention question?",
      "Where does records management sit in your organization, and how does that affect your influence?",
    ],
  },
  {
    topic: "hiring-and-career",
    questions: [
      "Do employers look for a certification such as the CRM or IGP, and at what stage of a career does it start to matter?",
      "How common is it for librarians or archivists to move into records management, and what helped you make the move?",
    ],
  },
  {
    topic: "skills-and-growth",
    questions: [
      "Which laws and regulations shape your work most, and how did you learn them?",
      "How do you approach information governance for new tools such as messaging apps or AI systems?",
      "Which skills from a library degree carry over best to records management, and which gaps did you have to fill?",
    ],
  },
];
