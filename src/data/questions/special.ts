import type { QuestionSection } from "../question-topics.js";

export const SPECIAL_QUESTIONS: readonly QuestionSection[] = [
  {
    topic: "day-to-day",
    questions: [
      "What kinds of research requests do you get most often, and how quickly do people expect answers?",
      "If you are the only librarian here, how do you decide what comes first when research, cataloging and everything else are all yours?",
      "How much of your work is finding information for people, and how much is organizing it so they can find it themselves?",
      "Which databases and tools do you rely on, and how do you decide which are worth paying for?",
    ],
  },
  {
    topic: "library-and-people",
    questions: [
      "Who are your main users in the organization, and how do they usually find out the library exists?",
      "Where does the library sit in the organization's structure, and who do you report to?",
      "How do you show the organization what the library is worth, for example by tracking requests answered or time saved?",
      "How do you work with staff who are experts in the subject but not in finding information?",
      "How has the library come through budget cuts or changes in leadership?",
    ],
  },
  {
    topic: "hiring-and-career",
    questions: [
      "How did you find this job, given that special library roles are not always posted on library job boards?",
      "How much did subject knowledge count in getting hired here, compared with having the library degree?",
      "What do you wish you had known about working in a one- or two-person library before you took this job?",
      "Where do people in special libraries usually move next, and do they tend to stay in one subject area?",
    ],
  },
  {
    topic: "skills-and-growth",
    questions: [
      "How did you learn the subject your organization works in, and how much do you need to keep learning?",
      "Which skills from outside traditional library work, like project management, writing or data work, have you needed most?",
      "How do you avoid feeling professionally isolated when you are the only information professional in the building?",
      "How do you handle copyright and licensing questions when staff want to share articles or reports?",
      "How do you handle confidential or proprietary information, and what rules shape what you can share?",
    ],
  },
];
