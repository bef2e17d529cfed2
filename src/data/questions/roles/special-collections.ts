import type { QuestionSection } from "../../question-topics.js";

export const SPECIAL_COLLECTIONS_QUESTIONS: readonly QuestionSection[] = [
  {
    topic: "day-to-day",
    questions: [
      "How is your time divided between the reading room, teaching with collections, cataloging and acquisitions?",
      "How do you choose which items to digitize, and who makes the final decision?",
      "What does a class session with rare materials look like, and how do you prepare the items for it?",
    ],
  },
  {
    topic: "library-and-people",
    questions: [
      "How do you work with donors, dealers and auction houses when you acquire material?",
      "What do you do to make the collections welcoming to people who have never visited special collections before?",
      "What does your department do to keep the collections secure, from registering readers to checking items back in?",
    ],
  },
  {
    topic: "hiring-and-career",
    questions: [
      "How important is a second language or a degree in history or literature for rare book jobs, and which are most useful?",
      "Which early-career routes, like a fellowship, a project post or work in the book trade, led to your first job in this field?",
    ],
  },
  {
    topic: "skills-and-growth",
    questions: [
      "How did you learn descriptive bibliography and rare book cataloging standards such as DCRM?",
      "How do you handle material in the collections that contains offensive or harmful content?",
      "How did you learn about the book trade and the value of items, if it was not part of your training?",
    ],
  },
];
