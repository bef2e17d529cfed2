import type { TypeBucket } from "./mentor-index.js";

/**
 * Keyword matching: a keyword word matches where it starts a word of the profile text, so "catalog"
 * finds "copy-cataloging" but "art" does not find "start". Topics weigh 3, the role 2, the rest 1.
 */
export const KEYWORD_WEIGHT = { topic: 3, role: 2, other: 1 } as const;

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

export function isWordCharacter(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code >= 128) return WORD_CHARACTER.test(text.charAt(at));
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
}

// V8 builds Boyer-Moore tables on every indexOf call for patterns of 7 or more characters, which in
// a 300-character text costs more than the search; a shorter probe is found by a plain scan.
const PROBE_LENGTH = 6;

/** Where `word` first starts a word in `text`, or -1. */
export function firstWordStart(text: string, word: string): number {
  const probe = word.length > PROBE_LENGTH ? word.slice(0, PROBE_LENGTH) : word;
  for (let at = text.indexOf(probe); at !== -1; at = text.indexOf(probe, at + 1)) {
    const startsAWord = at === 0 || !isWordCharacter(text, at - 1);
    if (startsAWord && (probe === word || text.startsWith(word, at))) return at;
  }
  return -1;
}

/**
 * A 256-bit summary of a text: two bits for the first three characters at each word start. A word
 * whose bits are not both set cannot start a word in the text, so search need not read it: reading
 * thousands of texts is most of what a keyword search costs.
 */
export const SIGNATURE_WORDS = 8;
const PREFIX = 3;

function prefixHash(text: string, at: number): number {
  let hash = 0x811c9dc5;
  for (let i = at; i < at + PREFIX; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash ^ (hash >>> 15);
}

const BIT_MASK = SIGNATURE_WORDS * 32 - 1;
const firstBit = (hash: number): number => hash & BIT_MASK;
const secondBit = (hash: number): number => (hash >>> 16) & BIT_MASK;

export function writeSignature(text: string, into: Uint32Array, offset: number): void {
  into.fill(0, offset, offset + SIGNATURE_WORDS);
  for (let at = 0; at + PREFIX <= text.length; at++) {
    if (at > 0 && isWordCharacter(text, at - 1)) continue;
    const hash = prefixHash(text, at);
    setBit(into, offset, firstBit(hash));
    setBit(into, offset, secondBit(hash));
  }
}

function setBit(into: Uint32Array, offset: number, bit: number): void {
  into[offset + (bit >>> 5)] = (into[offset + (bit >>> 5)] as number) | (1 << (bit & 31));
}

/** A search's keyword words, with the signature bits each needs (-1 for words too short to have any). */
export interface KeywordQuery {
  words: string[];
  bits: number[];
}

export function keywordQuery(words: string[]): KeywordQuery {
  const bits: number[] = [];
  for (const word of words) {
    if (word.length < PREFIX) {
      bits.push(-1, -1);
      continue;
    }
    const hash = prefixHash(word, 0);
    bits.push(firstBit(hash), secondBit(hash));
  }
  return { words, bits };
}

const hasBit = (signatures: Uint32Array, offset: number, bit: number): boolean =>
  bit < 0 || ((signatures[offset + (bit >>> 5)] as number) & (1 << (bit & 31))) !== 0;

/** -1 when some word is missing from the librarian in `slot`; else the sum of each word's heaviest weight. */
export function keywordScore(bucket: TypeBucket, slot: number, query: KeywordQuery): number {
  const offset = slot * SIGNATURE_WORDS;
  for (const bit of query.bits) if (!hasBit(bucket.signatures, offset, bit)) return -1;
  const text = bucket.texts[slot] as string;
  let score = 0;
  for (const word of query.words) {
    // The first match is the heaviest: topics come first in the text, then the role.
    const at = firstWordStart(text, word);
    if (at < 0) return -1;
    score +=
      at < (bucket.topicsEnd[slot] as number)
        ? KEYWORD_WEIGHT.topic
        : at < (bucket.roleEnd[slot] as number)
          ? KEYWORD_WEIGHT.role
          : KEYWORD_WEIGHT.other;
  }
  return score;
}
