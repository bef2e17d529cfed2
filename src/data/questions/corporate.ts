import type { QuestionSection } from "../question-topics.js";

export const CORPORATE_QUESTIONS: readonly QuestionSection[] = [
  {
    topic: "day-to-day",
    questions: [
      "What does a typical research request look like here, and how are the results usually delivered?",
      "How much of your work is competitive intelligence (tracking competitors and markets), and how do you keep it legal and ethical?",
      "What does knowledge management (helping a company capture and share what its people know) mean here, and what part does your team play?",
      "How do you negotiate with vendors and manage licenses so that people use content within the terms?",
      "How often do you work to tight deadlines, and how do you handle several urgent requests at once?",
    ],
  },
  {
    topic: "library-and-people",
    questions: [
      "Which teams use your services most, and how do you make sure the others know what you can do?",
      "When several business units want your time at once, how do you decide which requests come first, and who settles it?",
      "Is the information team centralized, or are researchers embedded in different parts of the business?",
      "How has the team changed through mergers, reorganizations or outsourcing?",
    ],
  },
  {
    topic: "hiring-and-career",
    questions: [
      "Which job titles should I look for, since corporate roles often do not use the word librarian?",
      "How did you explain your library degree to a hiring manager who did not know what it involved?",
      "How do pay and job security in corporate information work compare with other library sectors?",
      "What experience, like business research courses or internships, would make me a strong applicant?",
    ],
  },
  {
    topic: "skills-and-growth",
    questions: [
      "Which business databases and tools are most worth learning, and how can a student get access to them?",
      "How much do data analysis, visualization or taxonomy skills (organizing terms and categories) matter in your role?",
      "How are AI tools changing corporate research, and what part does your team play in choosing or guiding them?",
      "What business knowledge, like reading financial statements or understanding an industry, has helped you most?",
      "Where can a career in corporate information work lead, and do people move into roles outside the library?",
    ],
  },
];
