import type { QuestionSection } from "../question-topics.js";

export const ACADEMIC_QUESTIONS: readonly QuestionSection[] = [
  {
    topic: "day-to-day",
    questions: [
      "How is your time split between reference, teaching, collection work and your liaison departments in a typical semester?",
      "What does a one-shot instruction session (a single visit to someone else's class) look like for you, and how much say do you have in it?",
      "How does your work change between the busiest weeks of the semester and the summer or breaks?",
      "How much of your research help now happens through chat, email or booked consultations rather than at a desk?",
      "How do you decide what to buy or cancel for your subject areas, and how much of the budget do you actually control?",
    ],
  },
  {
    topic: "library-and-people",
    questions: [
      "Are librarians here faculty or professional staff, and what difference does that make from day to day?",
      "How do you build relationships with the departments you liaise with, and how do their faculty usually see the library?",
      "How is the work divided between librarians, library assistants and student workers here?",
      "How much does your library rely on a consortium (a group of libraries that share systems and collections) for its work?",
      "How are decisions made in your library, and how much voice do newer librarians have in them?",
    ],
  },
  {
    topic: "hiring-and-career",
    questions: [
      "What was the hiring process like for your position, from the first application to the campus interview, and how long did it take?",
      "If librarians here are on a tenure track, what goes into a tenure or promotion file, and how is library work judged in it?",
      "How willing did you have to be to relocate, and how national is the job market for academic librarians?",
      "Is a second master's degree in a subject expected for roles like yours, or is it more of a bonus?",
      "How do residencies or visiting positions (fixed-term jobs for early-career librarians) work as a first step into academic libraries?",
    ],
  },
  {
    topic: "skills-and-growth",
    questions: [
      "What research and publishing is expected of librarians here, and is time or money set aside for it?",
      "How did you learn to teach, and what would you suggest for someone with no teaching experience?",
      "Which newer skills, like research data management, scholarly communication or digital scholarship, are most in demand right now?",
      "What service on committees, across the university or in professional associations, is expected of you?",
    ],
  },
];
