import type { QuestionSection } from "../../question-topics.js";

export const LEADERSHIP_QUESTIONS: readonly QuestionSection[] = [
  {
    topic: "day-to-day",
    questions: [
      "What does your calendar look like in a typical week, and how much of it is meetings?",
      "How do you decide what to fund when the budget is cut or stays flat?",
      "Which decisions do you make yourself, and which do you leave to your team?",
    ],
  },
  {
    topic: "library-and-people",
    questions: [
      "How do you work with the board, dean or city administration that your library reports to?",
      "How do you lead a team through a change that some of the staff do not support?",
      "What do you do to learn what your staff really think, beyond what they tell you in meetings?",
    ],
  },
  {
    topic: "hiring-and-career",
    questions: [
      "What path led you into leadership, and when did you know you wanted to manage rather than stay in a specialist role?",
      "What have you learned about supporting new librarians during their first year on your team?",
      "How can a new librarian gain leadership experience, such as chairing a committee, before holding a management title?",
    ],
  },
  {
    topic: "skills-and-growth",
    questions: [
      "Which parts of the job were you least prepared for, such as budgeting, personnel issues or fundraising?",
      "Which leadership programs or mentors made the biggest difference for you?",
      "How do you make the case for the library to the people who decide on its funding?",
    ],
  },
];
