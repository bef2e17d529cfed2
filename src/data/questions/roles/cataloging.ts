import type { QuestionSection } from "../../question-topics.js";

export const CATALOGING_QUESTIONS: readonly QuestionSection[] = [
  {
    topic: "day-to-day",
    questions: [
      "How much of your work is copy cataloging and how much is original cataloging, and how has that balance shifted over time?",
      "Which standards and schemas do you use most, such as RDA, MARC, Dublin Core or BIBFRAME?",
      "How do you decide how much detail a record needs when the backlog keeps growing?",
    ],
  },
  {
    topic: "library-and-people",
    questions: [
      "How often do public services colleagues tell you about records that failed to help someone find something, and what happens next?",
      "How does your department approach changing outdated or harmful subject headings?",
      "Do you catalog into a shared or consortial catalog, and how are decisions about shared records made?",
    ],
  },
  {
    topic: "hiring-and-career",
    questions: [
      "Did you have to complete a cataloging test or exercise when you were hired, and how can I prepare for one?",
      "Are many entry-level cataloging jobs now paraprofessional positions, and how have people here moved up from them?",
      "How does metadata work outside libraries, for vendors, museums or companies, differ from cataloging in a library?",
    ],
  },
  {
    topic: "skills-and-growth",
    questions: [
      "Which tools for batch work on records, such as MarcEdit, OpenRefine or scripting, do you use, and how did you learn them?",
      "How did you get hands-on practice with original cataloging before you had a job that required it?",
      "How would you suggest a new cataloger learn about linked data without a project at work to try it on?",
    ],
  },
];
