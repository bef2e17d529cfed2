import type { QuestionSection } from "../question-topics.js";

export const MEDICAL_QUESTIONS: readonly QuestionSection[] = [
  {
    topic: "day-to-day",
    questions: [
      "What kinds of clinical questions do doctors, nurses and other staff bring to you, and how fast do they need answers?",
      "Do you join clinical rounds or work with care teams on the wards, and what is your role there?",
      "What is your part in a systematic review (a study that gathers all the research on one question), from start to finish?",
      "How much of your work is teaching, for example showing students or residents how to search PubMed?",
      "How do you help patients and families who are looking for reliable health information?",
    ],
  },
  {
    topic: "library-and-people",
    questions: [
      "How does working in a hospital library differ from an academic health sciences library at a medical school?",
      "Who are your main users, and how do you reach busy clinicians who rarely come into the library?",
      "How do the hospital or university leaders see the library, and how do you show its effect on patient care or research?",
      "How is your contribution recognized when you work on researchers' projects, for example as a co-author?",
    ],
  },
  {
    topic: "hiring-and-career",
    questions: [
      "Do employers in this field expect a science or health background, or can someone from the humanities get in?",
      "Is the Medical Library Association's AHIP credential (Academy of Health Information Professionals) worth working toward, and when?",
      "How secure are hospital library jobs, given that some hospitals have cut or merged their libraries?",
      "Which roles, like clinical librarian or research and data librarian, make good entry points?",
    ],
  },
  {
    topic: "skills-and-growth",
    questions: [
      "How did you learn medical terms and MeSH (the subject headings used to index medical literature) well enough to search with confidence?",
      "How much do you need to know about evidence-based practice and study design to do this job well?",
      "What training helped you most with the expert searching that systematic reviews need?",
      "Are skills like research data management, bibliometrics (measuring research output) or data visualization becoming more important here?",
      "How do you keep up with new databases, guidelines and tools when medical knowledge changes so quickly?",
    ],
  },
];
