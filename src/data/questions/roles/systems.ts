import type { QuestionSection } from "../../question-topics.js";

export const SYSTEMS_QUESTIONS: readonly QuestionSection[] = [
  {
    topic: "day-to-day",
    questions: [
      "Which systems are you responsible for, such as the catalog, discovery layer, proxy server or public computers?",
      "How much of your work is planned projects and how much is fixing things when they break, and are you ever on call?",
      "How do you test an upgrade or a configuration change before library users see it?",
    ],
  },
  {
    topic: "library-and-people",
    questions: [
      "How is the work divided between you and the central IT department, and how do you settle differences in priorities?",
      "How do you explain a technical limitation to colleagues who simply need the system to do something?",
      "How does your library weigh open source systems against vendor products, and who takes part in that choice?",
    ],
  },
  {
    topic: "hiring-and-career",
    questions: [
      "Do systems librarian jobs ask for a library degree, a computing background or both, and which counted more when you were hired?",
      "What technical exercise or portfolio did you show when you applied, and what would impress you in a candidate?",
    ],
  },
  {
    topic: "skills-and-growth",
    questions: [
      "Which languages and tools, such as SQL, Python, APIs or Linux, do you use most often?",
      "How do you protect patron privacy in the systems you run, including their logs and the vendor tools connected to them?",
      "How did you learn the library-specific parts of the job, such as MARC records, link resolvers or authentication?",
    ],
  },
];
