import type { QuestionSection } from "../../question-topics.js";

export const YOUTH_SERVICES_QUESTIONS: readonly QuestionSection[] = [
  {
    topic: "day-to-day",
    questions: [
      "How do you plan a season of story times or teen programs, and how far ahead do you usually work?",
      "How is your week split between programs, the desk, visits to schools and choosing books for the collection?",
      "What do you do when a program draws three times the crowd you expected, or nobody turns up at all?",
    ],
  },
  {
    topic: "library-and-people",
    questions: [
      "How do you work with local schools, daycares and youth organizations, and who usually makes the first contact?",
      "How do you balance what parents want for their children with what the children and teens themselves ask for?",
      "How does your library handle a challenge to a children's or young adult book, and what part do you play in it?",
      "How do you help teens feel that the library is theirs, for example through a teen advisory group?",
    ],
  },
  {
    topic: "hiring-and-career",
    questions: [
      "How much do hiring managers for youth positions value work with children outside libraries, such as teaching, camps or childcare?",
      "How easy is it to move between children's and teen services, or into adult services later, once you have started in one?",
      "Were you asked to lead a sample story time or plan a program in your interview, and how would you suggest preparing for that?",
    ],
  },
  {
    topic: "skills-and-growth",
    questions: [
      "Which early literacy skills, such as reading aloud, singing or coaching caregivers, did you have to learn outside your degree?",
      "How do you keep up with new children's and young adult books, and which review sources and awards do you follow?",
      "What training have you had on behavior issues, child safety policies or mandated reporting, and what do you wish you had been given?",
    ],
  },
];
