import type { QuestionSection } from "../../question-topics.js";

export const TECHNICAL_SERVICES_QUESTIONS: readonly QuestionSection[] = [
  {
    topic: "day-to-day",
    questions: [
      "How do you keep track of an electronic resource from the trial through licensing, activation and renewal?",
      "How much of your time goes to fixing access problems such as broken links or proxy errors, and how do you hear about them?",
      "How does acquisitions work here, from a request or approval plan to a book on the shelf or a working link?",
    ],
  },
  {
    topic: "library-and-people",
    questions: [
      "How do you work with vendors and publishers, and who handles the difficult conversations about price increases?",
      "How do you share usage data and cost per use with the subject librarians who decide on renewals?",
      "How is technical services staffed here, and how has the move from print to electronic changed the team?",
    ],
  },
  {
    topic: "hiring-and-career",
    questions: [
      "What do hiring committees look for in an e-resources librarian when a candidate has never negotiated a license?",
      "Is acquisitions or serials work a common first job for new librarians, and where does it tend to lead?",
    ],
  },
  {
    topic: "skills-and-growth",
    questions: [
      "Which license terms do you read most closely, such as interlibrary loan, text and data mining or walk-in use?",
      "How did you learn your library services platform, such as Alma or FOLIO, and what would you learn about it before starting?",
      "How much of your week is spent in spreadsheets and COUNTER usage reports, and how much would you expect a new hire to know already?",
    ],
  },
];
