import type { QuestionSection } from "../question-topics.js";

export const SCHOOL_QUESTIONS: readonly QuestionSection[] = [
  {
    topic: "day-to-day",
    questions: [
      "How is your week split between teaching classes, helping students find books and running the library itself?",
      "Do classes come to you at fixed times each week, or do teachers book you when they need you, and which do you prefer?",
      "How do you work with teachers to plan lessons or research projects that fit what they are teaching?",
      "What do you do to get students reading for fun, and what has worked best?",
      "How much of your time goes to managing devices, the catalog or other technology for the school?",
    ],
  },
  {
    topic: "library-and-people",
    questions: [
      "Are you the only librarian in the building, and who do you turn to for support or ideas?",
      "How does your principal see the library's role, and how do you keep them informed about your work?",
      "How do you handle challenges to books in the collection, and what policy does your district have for them?",
      "Do you have an aide, parent volunteers or student helpers, and what do they take care of?",
      "How is the library budget set each year, and how do you stretch it or find extra funding?",
    ],
  },
  {
    topic: "hiring-and-career",
    questions: [
      "What certification or license does your state require for school librarians, and how did you get yours?",
      "Did you need classroom teaching experience before becoming a school librarian, and does it help even where it is not required?",
      "Are school librarians in your district paid on the same salary scale as classroom teachers?",
      "How secure are school library positions in your district when budgets are cut?",
      "When in the year do districts here usually hire, and where are school librarian jobs posted?",
    ],
  },
  {
    topic: "skills-and-growth",
    questions: [
      "How do your state's learning standards, or national school library standards, shape what you teach?",
      "How do you teach students to judge what they find online, and how do you fit that into other subjects?",
      "What skills from teaching or working with young people carried over best into this job?",
      "What professional development does the district offer school librarians, and how well does it fit your role?",
    ],
  },
];
