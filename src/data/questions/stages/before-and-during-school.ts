import type { QuestionSection } from "../../question-topics.js";

export const PRE_MLIS_QUESTIONS: readonly QuestionSection[] = [
  {
    topic: "day-to-day",
    questions: [
      "Before you applied to library school, what did you think librarians did all day, and what turned out to be different?",
      "Which parts of your job could someone without the degree do, and which truly rely on it?",
    ],
  },
  {
    topic: "hiring-and-career",
    questions: [
      "Would you encourage someone in my position to get the degree now, or to work in a library for a while first?",
      "If you were choosing a program today, would accreditation, cost, format or specializations matter most to you?",
      "Without putting you on the spot, is the degree generally paid back by the salaries in your part of the field?",
      "Does an online program carry the same weight with hiring committees as one on campus?",
    ],
  },
  {
    topic: "skills-and-growth",
    questions: [
      "Which jobs or volunteer roles would let me try library work before I commit to applying?",
      "Are there employers near here that help pay for the degree, or tuition programs for library staff?",
    ],
  },
];

export const STUDENT_QUESTIONS: readonly QuestionSection[] = [
  {
    topic: "day-to-day",
    questions: [
      "If you were supervising a practicum student here, what project would you hand them first?",
      "How could a student volunteer or work a few hours here without getting in the way of your staff?",
    ],
  },
  {
    topic: "hiring-and-career",
    questions: [
      "Which electives or concentrations have you seen help new hires the most in your area?",
      "Is it better to finish school with one deep specialty or a broad mix of courses?",
      "When should a student start applying for professional jobs, and how early is too early?",
      "Do hiring committees here look at student portfolios, class projects or capstones?",
    ],
  },
  {
    topic: "skills-and-growth",
    questions: [
      "Which student memberships or conference scholarships were worth it for you while in school?",
      "Is there a student group, committee or library project where I could practice leading something before I graduate?",
    ],
  },
];
