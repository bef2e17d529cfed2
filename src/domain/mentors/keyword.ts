import type { MentorProfile } from "./profile.js";
import { foldSpelling } from "./spelling.js";

/** A keyword word found in the topics weighs 3, in the role 2, elsewhere (bio, career moves, institution) 1. */
export const KEYWORD_WEIGHT = { topic: 3, role: 2, other: 1 } as const;

/**
 * A profile's words as keyword search reads them: lower case, spelling folded, each after a space;
 * the topics' words first, then the role's, then the rest's. " catalog" found in `text` means
 * "catalog" starts one of its words, and where it is first found tells the heaviest field.
 */
export interface ProfileWords {
  readonly text: string;
  readonly topicsEnd: number;
  readonly roleEnd: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** The words of `text`: runs of letters and digits, lower case, spelling folded. */
export const wordsOf = (text: string): string[] => (text.toLowerCase().match(WORD) ?? []).map(foldSpelling);

const spaced = (text: string): string =>
  wordsOf(text)
    .map((word) => ` ${word}`)
    .join("");

export function profileWords(profile: MentorProfile): ProfileWords {
  const topics = spaced(profile.topics.join(" "));
  const role = spaced(profile.role);
  const other = spaced([profile.bio, profile.careerMoves, profile.institution].join(" "));
  return {
    text: topics + role + other,
    topicsEnd: topics.length,
    roleEnd: topics.length + role.length,
  };
}

/** A keyword's distinct words, each after a space, as {@link keywordScore} takes them. */
export const keywordWords = (keyword: string): string[] =>
  [...new Set(wordsOf(keyword))].map((word) => ` ${word}`);

/**
 * -1 when some keyword word starts no word of the profile; else the sum of each keyword word's
 * heaviest weight. So "catalog" finds "copy-cataloging" but "art" does not find "start".
 */
export function keywordScore({ text, topicsEnd, roleEnd }: ProfileWords, keyword: readonly string[]): number {
  let score = 0;
  for (const wanted of keyword) {
    const at = text.indexOf(wanted);
    if (at < 0) return -1;
    score +=
      at < topicsEnd ? KEYWORD_WEIGHT.topic : at < roleEnd ? KEYWORD_WEIGHT.role : KEYWORD_WEIGHT.other;
  }
  return score;
}

/** Words or phrases, each as its words after spaces, as {@link startsTopicOrRoleWord} takes them. */
export const anyOfWords = (phrases: readonly string[]): string[] => phrases.map(spaced);

/**
 * Whether one of `anyOf` starts a word of the profile's topics or role (bio and the rest don't
 * count): a role's match words select librarians who said they do that work.
 */
export function startsTopicOrRoleWord({ text, roleEnd }: ProfileWords, anyOf: readonly string[]): boolean {
  for (const wanted of anyOf) {
    const at = text.indexOf(wanted);
    if (at >= 0 && at < roleEnd) return true;
  }
  return false;
}
