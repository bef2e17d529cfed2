import type { QuestionSection } from "../../question-topics.js";

export const RESEARCH_DATA_QUESTIONS: readonly QuestionSection[] = [
  {
    topic: "day-to-day",
    questions: [
      "What help do researchers ask you for most, such as data management plans, finding datasets or mapping?",
      "How do you support researchers using a data repository, and who checks a dataset before it is published?",
      "How much of your GIS work is teaching software, and how much is consulting on projects or making maps yourself?",
    ],
  },
  {
    topic: "library-and-people",
    questions: [
      "How do you reach researchers who do not think of the library as a place to get help with their data?",
      "How do you work with the research office, IT and any campus GIS or data science center so that services do not overlap?",
      "How do you handle requests that involve sensitive data, such as data about human subjects or precise locations?",
    ],
  },
  {
    topic: "hiring-and-career",
    questions: [
      "Did you come to data librarianship from research in a subject, and how common is that path among your colleagues?",
      "What would a strong portfolio for a data or GIS librarian job include, such as code, maps or workshop materials?",
    ],
  },
  {
    topic: "skills-and-growth",
    questions: [
      "Which tools, such as R, Python, ArcGIS or QGIS, do you use and teach, and how deeply do you need to know each one?",
      "How do you keep up with what funders and journals require for sharing data?",
      "What training in data curation would you recommend to someone just starting out?",
    ],
  },
];
