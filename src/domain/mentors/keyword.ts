import type { MentorProfile } from "./profile.js";
import { foldSpelling } from "./spelling.js";

/** A keyword word found in the topics weighs 3, in the role 2, elsewhere (bio, career moves, institution) 1. */
export const KEYWORD_WEIGHT = { topic: 3, role: 2, other: 1 } as const;

/**
 * A profile's words as keyword search reads them, per weight: lower case, spelling folded, each
 * after a space, so that " catalog" found in a line means "catalog" starts one of its words.
 */
export interface KeywordLines {
  readonly topics: string;
  readonly role: string;
  readonly other: string;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** The words of `text`: runs of letters and digits, lower case, spelling folded. */
export const wordsOf = (text: string): string[] => (text.toLowerCase().match(WORD) ?? []).map(foldSpelling);

const lineOf = (text: string): string =>
  wordsOf(text)
    .map((word) => ` ${word}`)
    .join("");

export function keywordLines(profile: MentorProfile): KeywordLines {
  return {
    topics: lineOf(profile.topics.join(" ")),
    role: lineOf(profile.role),
    other: lineOf([profile.bio, profile.careerMoves, profile.institution].join(" ")),
  };
}

/** A keyword as search uses it: its distinct words, each with a leading space (see {@link KeywordLines}). */
export const keywordStarts = (keyword: string): string[] =>
  [...new Set(wordsOf(keyword))].map((word) => ` ${word}`);

/** -1 when some keyword word starts no word of the profile; else the sum of each word's heaviest weight. */
export function keywordScore(lines: KeywordLines, starts: readonly string[]): number {
  let score = 0;
  for (const start of starts) {
    if (lines.topics.includes(start)) score += KEYWORD_WEIGHT.topic;
    else if (lines.role.includes(start)) score += KEYWORD_WEIGHT.role;
    else if (lines.other.includes(start)) score += KEYWORD_WEIGHT.other;
    else return -1;
  }
  return score;
}
