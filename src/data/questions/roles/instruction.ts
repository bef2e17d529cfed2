import type { QuestionSection } from "../../question-topics.js";

export const INSTRUCTION_QUESTIONS: readonly QuestionSection[] = [
  {
    topic: "day-to-day",
    questions: [
      "How many sessions do you teach in a typical term, and how much preparation goes into each one?",
      "How do you get the class assignment in advance, and what do you do when it arrives the day before?",
      "How much of your teaching is in person, online or in self-paced tutorials, and how do you decide which to use?",
    ],
  },
  {
    topic: "library-and-people",
    questions: [
      "How do you build partnerships with instructors so that library sessions are part of a course rather than added on?",
      "How do you handle a session where the instructor leaves the room or the students are not engaged?",
      "How does your team share lesson plans and teaching materials, and do you share an approach to information literacy?",
    ],
  },
  {
    topic: "hiring-and-career",
    questions: [
      "What does a teaching demonstration in a library interview involve, and what makes one stand out to a committee?",
      "How can someone with no classroom experience show in an application that they are able to teach?",
    ],
  },
  {
    topic: "skills-and-growth",
    questions: [
      "How do you find out whether students actually learned something in a single session?",
      "Which frameworks or training, such as the ACRL Framework or a course in instructional design, shaped the way you teach?",
      "How are you adjusting your teaching now that students use generative AI tools in their research?",
    ],
  },
];
