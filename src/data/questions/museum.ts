import type { QuestionSection } from "../question-topics.js";

export const MUSEUM_QUESTIONS: readonly QuestionSection[] = [
  {
    topic: "day-to-day",
    questions: [
      "What kinds of research do curators and other staff ask you for, and how does it connect to exhibitions or the collection?",
      "How does cataloging art books and exhibition catalogs differ from cataloging in other libraries, and where does the registrar's record of the objects come in?",
      "Is the library open to outside researchers or the public, and how do you handle their visits?",
      "Do you also look after the museum's archives, or are those managed separately?",
      "How do you collect hard-to-find materials like auction catalogs, artist files or small-press publications?",
    ],
  },
  {
    topic: "library-and-people",
    questions: [
      "How do you work with curators, registrars (the staff who track the objects in the collection) and educators, and how do they see the library?",
      "How many people work in the library, and how do you cover everything with a small staff?",
      "How is the library funded, and how much depends on grants or donors?",
      "Where does the library fit among the museum's priorities when budgets are tight?",
    ],
  },
  {
    topic: "hiring-and-career",
    questions: [
      "How much did an art history degree, or another subject degree, matter in getting hired here?",
      "How often do museum library positions open up, and where are they usually advertised?",
      "Did you come in through an internship, fellowship or volunteering, and is that a common route?",
      "How common are grant-funded or project positions, such as digitization projects, in museum libraries?",
    ],
  },
  {
    topic: "skills-and-growth",
    questions: [
      "What part does grant writing play in your job, and how did you learn to do it?",
      "Which metadata standards or systems for describing art and objects should I get to know?",
      "How much do other languages matter for reading catalogs and scholarship in your field?",
      "How are digitization and online access changing what museum libraries do?",
      "How do the library, the archives and the registrar's office divide up the museum's records and collections?",
    ],
  },
];
