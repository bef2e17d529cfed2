import type { QuestionSection } from "../../question-topics.js";

export const ACCESS_SERVICES_QUESTIONS: readonly QuestionSection[] = [
  {
    topic: "day-to-day",
    questions: [
      "Which parts of the library do you oversee, such as circulation, reserves, interlibrary loan or the stacks?",
      "How do you handle a patron who is upset about a fine, a lost item or a policy?",
      "How do you schedule staff and student workers so the desk is covered through long opening hours?",
    ],
  },
  {
    topic: "library-and-people",
    questions: [
      "How much supervising do you do, and how did you learn to train and manage student workers or part-time staff?",
      "How do access policies such as loan periods or borrowing rights for visitors get changed here?",
      "How do you make the front desk feel welcoming to everyone, including visitors who are not affiliated with the library?",
    ],
  },
  {
    topic: "hiring-and-career",
    questions: [
      "Is access services a good path into librarianship from a paraprofessional job, and how did you move up?",
      "What supervisory experience do hiring managers look for, and does managing in retail or another service job count?",
    ],
  },
  {
    topic: "skills-and-growth",
    questions: [
      "How do you use circulation and interlibrary loan data to make decisions?",
      "What do you wish you had known about accessibility and accommodations for patrons when you started?",
      "How have resource sharing agreements or controlled digital lending changed your work?",
    ],
  },
];
