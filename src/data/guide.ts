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
      "• Don't ask them to hire you or to take you on as an intern. Asking how students find practicums, or what entry-level jobs look like, is fine; if they mention an opening, listen and thank them.",
      "• Not a resume review. Have yours ready in case they ask, but don't hand it over unprompted.",
      "• Not a favor they owe you. Volunteers may skip any question, and their time is a gift.",
      "• Not a lecture you sit through. It goes best when you come curious and prepared.",
    ].join("\n"),
  },
  howToAsk: {
    name: "How to ask",
    value: [
      "• Here you ask with the Ask button on a librarian's card: your note reaches them through the bot, no e-mail needed, and nothing about either of you is shared until they accept.",
      "• Say who you are in a sentence or two and what you hope to learn, and why their kind of library or role interests you.",
      "• Ask for 20 or 30 minutes (45 at most), in a format they offer: video, phone, text chat or in person.",
      "• Once they accept, agree a time with the picker in your thread: it offers their usual hours and shows every time in your own time zone.",
      "• For a class assignment, say so in your note, with the due date, and ask before you quote them.",
      "• A decline or no answer is not personal: the bot shows you others to ask.",
    ].join("\n"),
  },
  before: {
    name: "Before you meet",
    value: [
      "• Read their card: library types, role, region and topics tell you what to ask about.",
      "• Research that kind of library and, if they named it, the institution: who it serves, how big it is, recent news. Leave the person's own life alone; they share what they choose.",
      "• Prepare 8 to 10 questions, most important first; you won't get through more. /questions builds a checklist to pick from.",
      '• Have a short, friendly answer ready for "tell me a little about yourself".',
      "• Confirm the day before in your private thread: the time, the time zone and how you'll meet.",
      "• In person, plan the address, travel time and parking; online, test your link, microphone and camera.",
    ].join("\n"),
  },
  during: {
    name: "During the conversation",
    value: [
      "• Dress and act as you would for a professional meeting. On video, pick a quiet, tidy spot.",
      "• Be on time, and keep to the time you asked for: when it is up, offer to stop and let them choose.",
      "• Listen more than you talk, and follow up on what interests you.",
      "• Ask before you take notes, and never record without their clear consent.",
      "• In a text chat, send one or two questions at a time and give them time to answer.",
      "• In person, if it feels right, ask whether a short tour or a word with a colleague would be possible.",
      "• Before you finish, ask who else you could talk to, and whether you may say they suggested it. If they offer contact details, note them; don't ask.",
    ].join("\n"),
  },
  after: {
    name: "Afterwards",
    value: [
      "• Thank them within a day, in your thread or by DM, mentioning something specific they said, and thank each person you met.",
      "• Write up your notes while they are fresh: what you learned, what surprised you, and what to do next.",
      "• Act on their suggestions. If you contact someone they named, mention who suggested it, if they said that was fine.",
      "• If you promised to share your class assignment, send it.",
      "• Stay in touch through whatever contact they offered, and tell them when you land a job.",
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
    "• It is a conversation to learn about their work, not a job interview: don't ask them to hire you.",
    "• Agree a time with the picker below and a way to meet here; you both get a calendar file and reminders.",
    "• Bring 8 to 10 questions, most important first; /questions can help. Volunteers may skip any question.",
    "• Be on time, keep to the time you asked for, and never record without consent.",
    "• In a text chat, one or two questions at a time.",
    "• Ask who else you could talk to.",
    "• Send a specific thank-you within a day, here or by DM.",
    "Librarians: thank you for sharing your time. Feel free to say how long you have.",
    "The full guide is in /guide.",
  ].join("\n"),
};
