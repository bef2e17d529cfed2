/** The headings a /questions checklist is grouped under, in display order. */
export const QUESTION_TOPICS = [
  { id: "day-to-day", name: "The work, day to day" },
  { id: "library-and-people", name: "The library and its people" },
  { id: "hiring-and-career", name: "Hiring and career path" },
  { id: "skills-and-growth", name: "Skills, education and growth" },
] as const;

export type QuestionTopicId = (typeof QUESTION_TOPICS)[number]["id"];

export interface QuestionSection {
  topic: QuestionTopicId;
  questions: readonly string[];
}

/** The display name of a topic. */
export function questionTopicName(id: QuestionTopicId): string {
  const topic = QUESTION_TOPICS.find((t) => t.id === id);
  return topic ? topic.name : id;
}
