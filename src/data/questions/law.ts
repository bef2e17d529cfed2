import type { QuestionSection } from "../question-topics.js";

export const LAW_QUESTIONS: readonly QuestionSection[] = [
  {
    topic: "day-to-day",
    questions: [
      "What kinds of research questions do you get most, and who is usually asking them?",
      "Which legal research databases do you use every day, and how did you learn to use them well?",
      "If you have worked in a firm, how was your research time recorded or billed to clients, and how did that change the way you worked?",
      "How much of your work is teaching legal research, whether to law students, new lawyers or members of the public?",
      "How do you manage print collections and subscriptions now that so much legal material has moved online?",
    ],
  },
  {
    topic: "library-and-people",
    questions: [
      "How would you compare working in a law firm, a court, a law school and a county law library?",
      "Who do you serve in a typical week: lawyers, judges, students, or people representing themselves in court?",
      "How do you help people without lawyers find what they need without crossing into giving legal advice?",
      "How do the lawyers or faculty here see the library, and how do you build their trust?",
    ],
  },
  {
    topic: "hiring-and-career",
    questions: [
      "Is a law degree (JD) needed or expected alongside the library degree for roles like yours?",
      "If you have both degrees, which did you earn first, and would you recommend that order?",
      "How easily do people move between firm, court and law school libraries over a career?",
      "Which entry-level roles, like research or library assistant at a firm, lead into law librarianship?",
    ],
  },
  {
    topic: "skills-and-growth",
    questions: [
      "Without a law background, what should I study first to understand legal sources and how they fit together?",
      "How much do you think about the cost of research, such as when to use free sources instead of paid databases?",
      "Which skills beyond research, like competitive intelligence, knowledge management or negotiating with vendors, are law librarians expected to have?",
      "How do you keep up with changes in case law, court rules and the legal research platforms you rely on?",
      "How are AI tools changing legal research, and how does your library guide people in using them?",
    ],
  },
];
