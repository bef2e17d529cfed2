import type { QuestionSection } from "../../question-topics.js";

export const DIGITAL_SCHOLARSHIP_QUESTIONS: readonly QuestionSection[] = [
  {
    topic: "day-to-day",
    questions: [
      "What kinds of projects does your digital scholarship team take on, and how does a project usually get started?",
      "How do you decide which projects to say yes to when requests outnumber the time you have?",
      "How much of your work is consulting and teaching workshops, and how much is building things yourself?",
    ],
  },
  {
    topic: "library-and-people",
    questions: [
      "How is credit for a digital project shared between faculty, students and library staff?",
      "How do you plan for what happens to a digital project once the grant ends or the faculty member moves on?",
      "Which campus partners, such as a humanities center or IT, do you work with most, and how did those partnerships begin?",
    ],
  },
  {
    topic: "hiring-and-career",
    questions: [
      "Are many digital scholarship jobs grant-funded or fixed-term, and how have you planned your career around that?",
      "Did you come to this work from a PhD, a library degree or a technical job, and how do hiring committees weigh each one?",
    ],
  },
  {
    topic: "skills-and-growth",
    questions: [
      "Which methods and tools, such as text analysis, mapping, 3D modeling or web publishing, are requested most right now?",
      "How did you learn to manage digital projects, and how formal is project management here?",
      "What small project could I build on my own to show that I understand digital scholarship?",
    ],
  },
];
