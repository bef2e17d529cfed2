import type { QuestionSection } from "../question-topics.js";

export const COMMUNITY_COLLEGE_QUESTIONS: readonly QuestionSection[] = [
  {
    topic: "day-to-day",
    questions: [
      "How much of your week is teaching, and what do your library classes usually cover?",
      "What does doing a bit of everything look like here, from reference to cataloging to running the website?",
      "How do you help students who are balancing classes with jobs, families or long commutes?",
      "What part does the library play in open educational resources (free course materials) or lowering textbook costs?",
      "How do you support students in career, technical or online programs, not just those planning to transfer?",
    ],
  },
  {
    topic: "library-and-people",
    questions: [
      "Who are your students, and how do you make the library welcoming for first-generation or returning students?",
      "Do librarians here have faculty status, and what does that mean for pay, schedules and a voice in college decisions?",
      "How small is the library team, and how do you cover evenings, weekends or several campuses?",
      "How do you work with faculty, tutoring centers and student services to reach students?",
      "Is there a union for librarians here, and how does it affect your contract?",
    ],
  },
  {
    topic: "hiring-and-career",
    questions: [
      "How does hiring at a community college differ from a university, for example teaching demonstrations or committee interviews?",
      "Do community colleges in your state require any qualifications for librarians beyond the library degree?",
      "How common are part-time or adjunct librarian positions, and do they lead to full-time jobs?",
      "What experience should I get now to stand out, such as teaching, tutoring or working with adult learners?",
    ],
  },
  {
    topic: "skills-and-growth",
    questions: [
      "How did you learn to teach a class where students arrive with very different levels of preparation?",
      "Is research or publishing expected of librarians here, or is the focus fully on teaching and service?",
      "Which accessibility skills, like making materials work with screen readers, do you use in your work?",
      "How do you keep finding new ideas for teaching information literacy (judging and using information well), and share them with colleagues?",
    ],
  },
];
