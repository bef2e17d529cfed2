import type { QuestionSection } from "../../question-topics.js";

export const NEW_GRAD_QUESTIONS: readonly QuestionSection[] = [
  {
    topic: "hiring-and-career",
    questions: [
      "How far did you have to look, or move, for your first professional position, and would you do it the same way again?",
      "What do you think of residency and fellowship programs as a first job, and what happens when they end?",
      "How should a new graduate weigh a temporary or part-time professional job against a permanent paraprofessional one?",
      "When an ad lists two or three years of experience, does a new graduate still have a real chance?",
      "How much does a job offer's salary usually have room to move, and how would you raise the subject politely?",
    ],
  },
  {
    topic: "library-and-people",
    questions: [
      "What did your first supervisor do that helped you most in your first year?",
      "How did you build a network in a new city where you knew no one in libraries?",
    ],
  },
  {
    topic: "skills-and-growth",
    questions: ["If there was a gap between graduating and your first professional job, how did you use it?"],
  },
];

export const PARAPROFESSIONAL_QUESTIONS: readonly QuestionSection[] = [
  {
    topic: "library-and-people",
    questions: [
      "How does your library treat staff who finish the degree while in a support position?",
      "How do librarians and paraprofessionals here share work, and where is the line drawn between them?",
    ],
  },
  {
    topic: "hiring-and-career",
    questions: [
      "Is it usually easier to move up in the same library or to apply somewhere new after the degree?",
      "How do I present years of support staff work so it reads as professional experience in an application?",
      "Are there librarian jobs here open to people with a technician certificate or associate degree instead of an MLIS?",
      "If I stay in my library, how do I make sure colleagues start to see me in a new role?",
    ],
  },
  {
    topic: "skills-and-growth",
    questions: [
      "Which tasks could I ask to take on now that would help me grow toward a librarian position?",
      "Does your library offer tuition support or schedule flexibility for staff working toward the degree?",
    ],
  },
];
