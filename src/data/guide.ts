/** One embed field of the /guide command. */
export interface GuideField {
  /** Field heading (Discord allows 256 characters; ours are short). */
  name: string;
  /** Field body; kept at or under 1,000 characters. */
  value: string;
}

export interface Guide {
  title: string;
  whatItIs: GuideField;
  whatItIsNot: GuideField;
  howToAsk: GuideField;
  before: GuideField;
  during: GuideField;
  after: GuideField;
  thankYouTemplate: GuideField;
  /** One line closing every /questions checklist. */
  etiquetteReminder: string;
  /** Short version posted in the private thread when an interview is accepted. */
  etiquetteCard: string;
}

/** The embed fields of /guide, in display order. */
export const GUIDE_FIELD_ORDER = [
  "whatItIs",
  "whatItIsNot",
  "howToAsk",
  "before",
  "during",
  "after",
  "thankYouTemplate",
] as const satisfies readonly (keyof Guide)[];

export const GUIDE: Guide = {
  title: "Informational interviews: a short guide",
  whatItIs: {
    name: "What it is",
    value: [
      "An informational interview is a short, friendly conversation with a working librarian about their job, their library and how they got there.",
      "You ask the questions and they tell you what the work is really like, so you can judge whether that kind of library suits you before you apply.",
      "Many librarians enjoy these talks and remember the people who handled them well.",
    ].join(" "),
  },
  whatItIsNot: {
    name: "What it is not",
    value: [
      "• Not a job interview: you are there to learn, not to be assessed or to sell yourself.",
      "• Never ask for a job or an internship, even if one is advertised. If they bring it up, it is fine to talk about it.",
      "• Not a resume review. Have yours ready in case they ask, but do not hand it over unprompted.",
      "• Not a favor they owe you. Their time is a gift, so keep things short and easy for them.",
      "• Not a lecture you sit through. It goes best when you come curious and prepared.",
    ].join("\n"),
  },
  howToAsk: {
    name: "How to ask",
    value: [
      "• Ask for a specific amount of time: 20 to 30 minutes.",
      "• Offer to meet in person, by phone or by video, whichever suits them.",
      "• Say who you are in a sentence or two, and why you chose them: their library, their role, or something they wrote or said.",
      "• Make clear you want to learn about their work, not to ask for a job.",
      "• Offer a few flexible times and fit around their schedule, including their time zone.",
      "• Keep the message short. If there is no reply, one polite follow-up after a week or so is enough.",
    ].join("\n"),
  },
  before: {
    name: "Before you meet",
    value: [
      "• Research the library: who it serves, how big it is, and any recent news or projects.",
      "• Research the person: their role, how long they have been there, and anything they have written or presented.",
      "• Prepare 8 to 10 questions, most important first. Use /questions for a checklist suited to their kind of library.",
      '• Have a short, friendly answer ready for "tell me a little about yourself".',
      "• Confirm the day before with a brief message that restates the time, time zone and how you will meet.",
      "• Plan the logistics: the address, travel time and parking, or test your video link, microphone and camera.",
    ].join("\n"),
  },
  during: {
    name: "During the conversation",
    value: [
      "• Dress and act as you would for a professional meeting. On video, pick a quiet, tidy spot.",
      "• Be on time: a few minutes early in person, right on time online.",
      "• Keep to the time you asked for. When it is up, say so and offer to stop; let them choose to keep going.",
      "• Listen more than you talk, and follow up on what interests you.",
      "• Take brief notes, and ask first if you would like to.",
      "• Do not ask for a job. If they mention an opening, listen and thank them.",
      "• Before you finish, ask who else you could talk to.",
    ].join("\n"),
  },
  after: {
    name: "Afterwards",
    value: [
      "• Send a thank-you note within a day, by email or card, mentioning something specific they said.",
      "• Write up your notes while they are fresh: what you learned, what surprised you, and what to do next.",
      "• Act on their suggestions. If you contact someone they named, mention who suggested it, if they said that was fine.",
      "• Stay in touch: send a short update in a few months, and tell them when you land a job.",
      "• Give back when you can, for example by passing on an article or event they would enjoy.",
    ].join("\n"),
  },
  thankYouTemplate: {
    name: "A thank-you note to adapt",
    value: [
      "Dear [Name],",
      "Thank you for taking the time to talk with me [today / yesterday] about your work at [library].",
      "I especially valued what you said about [something specific they said], and I plan to [what you will do because of it].",
      "[One sentence on how the conversation helped you think about your next steps.]",
      "I will let you know how things go. Thank you again for your generosity.",
      "Best wishes,",
      "[Your name]",
    ].join("\n"),
  },
  etiquetteReminder:
    "It's a conversation, not a job interview: keep to the time you asked for and send thanks within a day. More in /guide.",
  etiquetteCard: [
    "A few reminders for your informational interview:",
    "• It is a conversation to learn about their work, not a job interview. Never ask for a job.",
    "• Agree on a day, a time (20 to 30 minutes) and a way to meet, and confirm the day before.",
    "• Prepare 8 to 10 questions; /questions can help.",
    "• Dress and act professionally, be on time, and keep to the time you asked for.",
    "• Listen more than you talk, and take brief notes.",
    "• Ask who else you could talk to.",
    "• Send a specific thank-you within a day, and stay in touch.",
    "Librarians: thank you for sharing your time. Feel free to say how long you have.",
    "The full guide is in /guide.",
  ].join("\n"),
};
