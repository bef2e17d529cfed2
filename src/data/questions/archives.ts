import type { QuestionSection } from "../question-topics.js";

export const ARCHIVES_QUESTIONS: readonly QuestionSection[] = [
  {
    topic: "day-to-day",
    questions: [
      "What does processing a collection involve here, from its arrival to a finished finding aid (the guide that describes what is in it)?",
      "How is your time split between processing, helping researchers, outreach and everything else?",
      "How do you decide which materials to digitize, and who does the scanning and the description?",
      "What does working with donors look like, from the first conversation to signing a deed of gift (the document that transfers ownership)?",
      "How do you deal with born-digital records, like old hard drives, email accounts or websites?",
      "How does appraisal (deciding what is worth keeping) work here when space and staff time are limited?",
    ],
  },
  {
    topic: "library-and-people",
    questions: [
      "Is your archive part of a university, a government body, a company or an independent organization, and how does that shape your work?",
      "Who are your researchers, and how do you help someone who has never used an archive before?",
      "How big is the team, and how are tasks divided between archivists, technicians, students and volunteers?",
      "How do you balance requests from researchers and donors with a backlog of collections nobody has processed yet?",
    ],
  },
  {
    topic: "hiring-and-career",
    questions: [
      "How important was a practicum or fieldwork placement in getting your first archives job?",
      "Does a background in history or another subject help in this field, or is it the archives training that counts?",
      "How common are project-based or term positions, and how did you move from those into a permanent job?",
      "Is certification from the Academy of Certified Archivists worth pursuing early on, or does it matter more later?",
      "Did you come in through a library degree with an archives focus, a history degree or another route, and would you choose the same again?",
    ],
  },
  {
    topic: "skills-and-growth",
    questions: [
      "Which standards and software, such as DACS for description or ArchivesSpace for managing collections, should I learn first?",
      "How much do preservation skills, like handling fragile materials or planning storage conditions, come into your work?",
      "Which digital skills, like digital preservation or metadata (the descriptive data behind online collections), are most in demand now?",
      "How do you weigh privacy, sensitive records and the wishes of communities in the collections when you give access?",
    ],
  },
];
