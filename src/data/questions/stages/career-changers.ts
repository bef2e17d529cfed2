import type { QuestionSection } from "../../question-topics.js";

/** What every career changer may ask; each former field adds a section of its own after it. */
const CAREER_CHANGER_CORE: QuestionSection = {
  topic: "hiring-and-career",
  questions: [
    "Have you worked with colleagues who came to libraries from another career, and what helped them settle in?",
    "Which parts of a first career do hiring committees value, and which do they tend to overlook?",
    "How would you suggest I explain the change of career in a cover letter without apologizing for it?",
    "If a library job starts at a lower salary than I earn now, what is the usual path to earn more over time?",
    "What is one thing that surprised people you know who switched into library work in mid-career?",
  ],
};

const withField = (questions: readonly string[]): readonly QuestionSection[] => [
  CAREER_CHANGER_CORE,
  { topic: "skills-and-growth", questions },
];

export const FROM_TEACHING_QUESTIONS = withField([
  "Would school librarianship, instruction or youth services make best use of a teaching background?",
  "Does a teaching license count toward a school library credential in this state, and what else would I need?",
  "How different is teaching a one-time library session from running my own classroom?",
]);

export const FROM_LAW_QUESTIONS = withField([
  "Which habits from practice, like guarding client confidences or tracking every hour, would serve me in a library, and which should I set aside?",
  "How much of my legal research experience would carry over to reference work for nonlawyers?",
  "Are there roles for former lawyers in copyright, licensing or compliance work within libraries?",
]);

export const FROM_HEALTH_SCIENCE_QUESTIONS = withField([
  "Would a clinical or lab background give me a head start in health sciences or science librarianship?",
  "How do researchers and clinicians respond when their librarian once worked in their field, and does it change the work?",
  "Which of my habits from the clinic or the lab, like careful documentation or following protocols, carry over best to library work?",
]);

export const FROM_HISTORY_QUESTIONS = withField([
  "With a history background, would you point me toward archives, special collections or subject liaison work?",
  "Do hiring committees see a PhD as an asset or as a sign the candidate may leave for a faculty job?",
  "How would I show that years of archival research count as experience with collections?",
]);

export const FROM_IT_QUESTIONS = withField([
  "Which library jobs truly need my technical skills, and which just list them?",
  "Do libraries ever hire technologists without an MLIS, and how far can they advance?",
  "How do library budgets and procurement change the way technology projects are run compared with the private sector?",
]);

export const FROM_BUSINESS_QUESTIONS = withField([
  "Where do business skills like marketing, budgeting or project management show up in library jobs?",
  "Would business librarianship or corporate information work be a natural first step for me?",
  "How does decision making in a library or a public body feel different from a company?",
]);
