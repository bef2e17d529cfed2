import type { QuestionSection } from "../../question-topics.js";

export const SECTOR_SWITCHER_QUESTIONS: readonly QuestionSection[] = [
  {
    topic: "library-and-people",
    questions: [
      "What habits from another kind of library would a newcomer need to unlearn here?",
      "How do the people you serve here differ from those in other kinds of libraries you know?",
    ],
  },
  {
    topic: "hiring-and-career",
    questions: [
      "How do hiring committees here view experience from a different kind of library?",
      "Which of my current duties should I translate into your vocabulary when I apply?",
      "Is moving between sectors easier at the start of a career or later on, in your experience?",
      "Does switching sectors usually mean stepping back in title or pay, and does that tend to recover?",
    ],
  },
  {
    topic: "skills-and-growth",
    questions: [
      "What one course, certificate or project would show you I am serious about this kind of library?",
      "Which associations or email lists does this sector follow that I might not know from my own?",
    ],
  },
];

export const INTERNATIONAL_QUESTIONS: readonly QuestionSection[] = [
  {
    topic: "hiring-and-career",
    questions: [
      "Have you seen a library degree from abroad accepted here, and did it need a credential evaluation?",
      "Which credential evaluation services do employers around here recognize?",
      "Would a hiring committee count my years of library work abroad in full, and how should I describe them?",
      "Do any employers here sponsor work visas for librarians, or is that rare?",
      "Would taking a paraprofessional job first be a sensible way in, or might it hold me back?",
    ],
  },
  {
    topic: "library-and-people",
    questions: [
      "How much are the languages I speak valued in your library and the community it serves?",
      "Are there groups or mentoring programs for internationally trained librarians you would recommend?",
    ],
  },
  {
    topic: "skills-and-growth",
    questions: [
      "Which local standards, laws or practices should I learn first to work comfortably in a library here?",
    ],
  },
];
