import type { QuestionSection } from "../question-topics.js";

export const PUBLIC_LIBRARY_QUESTIONS: readonly QuestionSection[] = [
  {
    topic: "day-to-day",
    questions: [
      "How many hours a week do you spend on the public service desk, and what kinds of questions come up most often?",
      "What does planning and running a program involve here, from the first idea to the event itself?",
      "How do you handle difficult situations with patrons, and what support does the library give staff when they happen?",
      "What outreach do you do outside the building, such as visits to schools, community events or a bookmobile?",
      "How are evenings and weekends scheduled, and how predictable is your schedule from week to week?",
    ],
  },
  {
    topic: "library-and-people",
    questions: [
      "How does working at a branch differ from working at the central library in your system?",
      "Are staff here represented by a union, and how does that shape pay, schedules and the daily work?",
      "How much do the library board, and the city or county government above it, shape your work and your budget?",
      "Who are the regulars at your library, and which parts of the community are you still trying to reach?",
      "How do librarians and library assistants or clerks split the work, and how clear is the line between the roles?",
    ],
  },
  {
    topic: "hiring-and-career",
    questions: [
      "Does your system hire through a civil-service process or exam, or through its own HR, and how did that work when you applied?",
      "Are most jobs here generalist roles, or do people specialize early in areas like youth services, adult services or technical services?",
      "How common is it to start as a library assistant or part-timer before getting a librarian position here?",
      "Does your system ever hire people as trainees or in provisional roles while they finish their library degree?",
      "What does the path to becoming a branch manager or department head look like, and how long does it usually take?",
    ],
  },
  {
    topic: "skills-and-growth",
    questions: [
      "What training do you get in areas like calming tense situations, helping people with technology or referring them to social services?",
      "Which skills from customer service or other public-facing jobs turned out to matter most in this work?",
      "How do you keep up with the technology questions patrons bring, from e-books to phones to online government forms?",
      "Does the library support staff who want to go to conferences or take classes, and how is that decided?",
    ],
  },
];
