import type { QuestionSection } from "../question-topics.js";

export const GOVERNMENT_QUESTIONS: readonly QuestionSection[] = [
  {
    topic: "day-to-day",
    questions: [
      "Who do you mainly serve, such as agency staff, legislators, researchers or the public, and what do they ask for?",
      "If your library is a depository library (one that receives and keeps government publications for public use), what does that involve day to day?",
      "How do rules about records, privacy or restricted information affect the work you can do?",
      "What does a research request from a legislator or policymaker look like, and how quickly do they need the answer?",
      "How do you stay neutral and nonpartisan when answering research requests on political topics?",
      "How are your collections and services changing as more government information is published only online?",
    ],
  },
  {
    topic: "library-and-people",
    questions: [
      "How does working in a federal agency library compare with a state library or a legislative library?",
      "How do the budget cycle and changes of administration affect the library and its staff?",
      "Where does the library sit in the agency, and who decides whether it keeps its funding?",
      "How do you work with other parts of government, like other agency libraries, archives or public information offices?",
    ],
  },
  {
    topic: "hiring-and-career",
    questions: [
      "What advice do you have for applying through USAJOBS, especially for writing a federal resume that gets past the first screening?",
      "How do jobs in the 1410 librarian series differ from those in the 1411 library technician and 1412 technical information series?",
      "Does your role need a security clearance, and how does that shape who can apply and how long hiring takes?",
      "How common are contractor positions as a way into federal libraries, and do they lead to government jobs?",
      "How are state government and legislative library jobs advertised and filled compared with federal ones?",
      "How do hiring preferences, such as veterans' preference, affect how federal applications are ranked?",
    ],
  },
  {
    topic: "skills-and-growth",
    questions: [
      "How important are skills like tracing legislative history, finding statistics or managing records in your role?",
      "What training does the government offer librarians, and how does moving up the GS grades (the federal pay scale) work?",
      "Which skills would you build now if you wanted to work in a government library in five years?",
    ],
  },
];
