import type { QuestionSection } from "../../question-topics.js";

export const UX_ASSESSMENT_QUESTIONS: readonly QuestionSection[] = [
  {
    topic: "day-to-day",
    questions: [
      "What does a typical user research project look like here, from the first question to a change in the library?",
      "Which methods do you use most, such as interviews, usability tests, surveys or studies of how spaces are used?",
      "How do you decide which library data to collect, and which to stop collecting?",
    ],
  },
  {
    topic: "library-and-people",
    questions: [
      "How do you share findings with colleagues whose service or website did not test well?",
      "How do you recruit library users to take part in research, and how do you protect their privacy?",
      "How are your recommendations acted on, and who decides which changes get made?",
    ],
  },
  {
    topic: "hiring-and-career",
    questions: [
      "Do UX and assessment jobs in libraries usually require a library degree, and how did your own background fit?",
      "What would a portfolio for a library UX job show, and how could I build one before working in a library?",
    ],
  },
  {
    topic: "skills-and-growth",
    questions: [
      "Which skills in statistics, qualitative analysis or data visualization do you use, and how did you learn them?",
      "How do you report numbers to administrators or accreditors in a way that tells an honest story?",
      "Which UX communities or conferences, inside or outside libraries, have been most useful to you?",
    ],
  },
];
