import type { LibraryTypeSlug } from "./library-types.js";

/**
 * Questions to open with, marked on every checklist: two warm questions for any library, and two of
 * each type's own. Each is one of the questions already on that checklist.
 */
export const COMMON_OPENERS: readonly string[] = [
  "What does a typical week look like for you, and how much of it is planned ahead versus whatever comes up?",
  "How did you get into this work, and what would you do differently if you were starting today?",
];

export const TYPE_OPENERS: Record<LibraryTypeSlug, readonly string[]> = {
  academic: [
    "How is your time split between reference, teaching, collection work and your liaison departments in a typical semester?",
    "Are librarians here faculty or professional staff, and what difference does that make from day to day?",
  ],
  "public-library": [
    "What does planning and running a program involve here, from the first idea to the event itself?",
    "How does working at a branch differ from working at the central library in your system?",
  ],
  school: [
    "How is your week split between teaching classes, helping students find books and running the library itself?",
    "Are you the only librarian in the building, and who do you turn to for support or ideas?",
  ],
  special: [
    "What kinds of research requests do you get most often, and how quickly do people expect answers?",
    "Who are your main users in the organization, and how do they usually find out the library exists?",
  ],
  archives: [
    "What does processing a collection involve here, from its arrival to a finished finding aid (the guide that describes what is in it)?",
    "Who are your researchers, and how do you help someone who has never used an archive before?",
  ],
  law: [
    "How would you compare working in a law firm, a court, a law school and a county law library?",
    "What kinds of research questions do you get most, and who is usually asking them?",
  ],
  medical: [
    "What kinds of clinical questions do doctors, nurses and other staff bring to you, and how fast do they need answers?",
    "How does working in a hospital library differ from an academic health sciences library at a medical school?",
  ],
  government: [
    "Who do you mainly serve, such as agency staff, legislators, researchers or the public, and what do they ask for?",
    "How does working in a federal agency library compare with a state library or a legislative library?",
  ],
  museum: [
    "What kinds of research do curators and other staff ask you for, and how does it connect to exhibitions or the collection?",
    "How do you work with curators, registrars (the staff who track the objects in the collection) and educators, and how do they see the library?",
  ],
  corporate: [
    "What does a typical research request look like here, and how are the results usually delivered?",
    "Which teams use your services most, and how do you make sure the others know what you can do?",
  ],
  "rare-books": [
    "How is your week divided between the reading room, cataloging, exhibits and classes?",
    "Who uses the collections most: faculty, students, visiting scholars, artists or the general public?",
  ],
  "community-college": [
    "Who are your students, and how do you make the library welcoming for first-generation or returning students?",
    "What does doing a bit of everything look like here, from reference to cataloging to running the website?",
  ],
};

/** The short last page of every checklist: who else to talk to, and leaving the door open. */
export const CLOSING_QUESTIONS: readonly string[] = [
  "Is there anyone else you think I should talk to, and would you be comfortable with me mentioning your name?",
  "Is there anything I haven't asked that you think I should know?",
  "Would it be all right if I let you know how things turn out?",
];
