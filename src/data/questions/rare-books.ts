import type { QuestionSection } from "../question-topics.js";

export const RARE_BOOKS_QUESTIONS: readonly QuestionSection[] = [
  {
    topic: "day-to-day",
    questions: [
      "How is your week divided between the reading room, cataloging, exhibits and classes?",
      "What happens between a rare book arriving here and a reader being able to request it?",
      "How do you prepare a class session built around original books and manuscripts, and who usually asks for one?",
      "What goes into planning an exhibit, from choosing the items to writing the labels and checking light levels?",
      "How do you handle a reader who wants to photograph, copy or digitize fragile items?",
    ],
  },
  {
    topic: "library-and-people",
    questions: [
      "Is your department part of a university library, an independent research library or a private foundation, and what does that change?",
      "Who uses the collections most: faculty, students, visiting scholars, artists or the general public?",
      "How do you work with conservators, and who decides when an item is too fragile to handle?",
      "How does your department make itself welcoming to people who think rare book rooms are not for them?",
    ],
  },
  {
    topic: "hiring-and-career",
    questions: [
      "How did you move into rare books, and was it through a library degree, a humanities degree or both?",
      "How much do hiring committees look for reading knowledge of Latin or other older languages?",
      "Did a course at a rare book school or a fellowship help you get hired, and which would you recommend?",
      "Are entry-level jobs here mostly term positions or fellowships, and how did people around you find permanent ones?",
      "What would make an application for a special collections job stand out to you?",
    ],
  },
  {
    topic: "skills-and-growth",
    questions: [
      "How did you learn descriptive bibliography, such as describing bindings, paper and printing, and how much do you use it?",
      "Which cataloging rules for rare materials should I learn before my first job?",
      "How do you keep up with the rare book trade, auctions and dealers' catalogs when you buy for the collection?",
      "What have you learned about security and theft prevention that every newcomer should know?",
      "How do you judge the value or importance of a book offered as a gift or for sale?",
    ],
  },
];
