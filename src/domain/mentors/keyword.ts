import type { MentorProfile } from "./profile.js";
import { foldSpelling } from "./spelling.js";

/** A keyword word found in the topics weighs 3, in the role 2, elsewhere (bio, career moves, institution) 1. */
export const KEYWORD_WEIGHT = { topic: 3, role: 2, other: 1 } as const;

/** A profile's distinct words, by how much a keyword word found among them weighs. */
export interface ProfileWords {
  readonly topics: readonly string[];
  readonly role: readonly string[];
  readonly other: readonly string[];
}

const WORD = /[\p{L}\p{N}]+/gu;

/** The words of `text`: runs of letters and digits, lower case, spelling folded. */
export const wordsOf = (text: string): string[] => (text.toLowerCase().match(WORD) ?? []).map(foldSpelling);

const distinctWords = (text: string): string[] => [...new Set(wordsOf(text))];

export function profileWords(profile: MentorProfile): ProfileWords {
  return {
    topics: distinctWords(profile.topics.join(" ")),
    role: distinctWords(profile.role),
    other: distinctWords([profile.bio, profile.careerMoves, profile.institution].join(" ")),
  };
}

/** A keyword's distinct words, as {@link keywordScore} takes them. */
export const keywordWords = distinctWords;

/**
 * -1 when some keyword word starts no word of the profile; else the sum of each keyword word's
 * heaviest weight. So "catalog" finds "copy-cataloging" but "art" does not find "start".
 */
export function keywordScore(words: ProfileWords, keyword: readonly string[]): number {
  let score = 0;
  for (const wanted of keyword) {
    if (startsOne(words.topics, wanted)) score += KEYWORD_WEIGHT.topic;
    else if (startsOne(words.role, wanted)) score += KEYWORD_WEIGHT.role;
    else if (startsOne(words.other, wanted)) score += KEYWORD_WEIGHT.other;
    else return -1;
  }
  return score;
}

function startsOne(words: readonly string[], wanted: string): boolean {
  for (const word of words) if (word.startsWith(wanted)) return true;
  return false;
}
