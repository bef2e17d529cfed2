import type { QuestionSection } from "../../question-topics.js";

export const SCHOLARLY_COMMUNICATION_QUESTIONS: readonly QuestionSection[] = [
  {
    topic: "day-to-day",
    questions: [
      "Which copyright or fair use questions do you answer most often, and who tends to ask them?",
      "How much of your work is on open access, such as the repository, a publishing fund or agreements with publishers?",
      "How do you make clear that you are giving information about copyright rather than legal advice?",
    ],
  },
  {
    topic: "library-and-people",
    questions: [
      "How do you work with your institution's lawyers, and where does your role end and theirs begin?",
      "How do faculty respond when you talk with them about author rights and publishing contracts?",
      "How does your library support an open access policy on campus, and how is compliance with it followed up?",
    ],
  },
  {
    topic: "hiring-and-career",
    questions: [
      "Is a law degree expected or useful for scholarly communication positions, and how did you build your own knowledge of copyright?",
      "Which experiences, such as repository work or answering copyright questions, would make a candidate stand out to you?",
    ],
  },
  {
    topic: "skills-and-growth",
    questions: [
      "Which courses or certificates on copyright for librarians would you recommend, and were they worth the cost?",
      "How do you keep up with new publishing models and with court cases that affect libraries?",
      "How do research metrics and author identifiers such as ORCID fit into your work?",
    ],
  },
];
