import { isWordCharacter, KEYWORD_WEIGHT } from "./keyword.js";

/**
 * An inverted index of one bucket's texts: every word of a text (a run of word characters that
 * starts a word) with the slots it occurs in and its heaviest weight there. A keyword word made of
 * word characters starts a word in a text exactly when it is a prefix of one of these words, and its
 * weight is the heaviest of theirs (the first match is the heaviest), so a keyword search reads the
 * postings of the few words sharing its first letters instead of thousands of texts.
 */

/** Words are grouped by their first {@link GROUP} characters; a keyword word needs at least that many. */
const GROUP = 3;

/**
 * A match, as two numbers side by side: `slot << SCORE_BITS | score`, then the slot's rotation seed.
 * A search walks them in order and reads nothing else for most librarians; between interactions the
 * bot's caches go cold, and a read at a random slot elsewhere costs more than all the arithmetic.
 */
export const SCORE_BITS = 7;
export const SCORE_MASK = (1 << SCORE_BITS) - 1;

/** One word's postings: one match (see {@link SCORE_BITS}) per slot holding it, scored by its heaviest weight. Unordered. */
interface Postings {
  word: string;
  items: Int32Array;
  /** Matches held, two numbers each. */
  size: number;
}

/** FNV-1a of `text.slice(at, end)`, cut to 30 bits. */
function hashOf(text: string, at: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = at; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  // 30 bits: a small integer to V8, so a map look-up allocates nothing.
  return hash & 0x3fffffff;
}

/** Whether `text.slice(at, end)` is `word`, compared in place. */
function isWordAt(word: string, text: string, at: number, end: number): boolean {
  if (word.length !== end - at) return false;
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) !== text.charCodeAt(at + i)) return false;
  return true;
}

/** Calls `visit` with the bounds of each word of `text`: a run of word characters that starts a word. */
function eachWord(text: string, visit: (start: number, end: number) => void): void {
  let at = 0;
  while (at < text.length) {
    if (!isWordCharacter(text, at)) {
      at++;
      continue;
    }
    let end = at + 1;
    while (end < text.length && isWordCharacter(text, end)) end++;
    visit(at, end);
    at = end;
  }
}

/** Each distinct word of `text`. */
function wordsOf(text: string): Set<string> {
  const words = new Set<string>();
  eachWord(text, (start, end) => words.add(text.slice(start, end)));
  return words;
}

/** Whether the index can answer `word`: long enough to name a group, and made of word characters. */
function indexable(word: string): boolean {
  if (word.length < GROUP) return false;
  for (let i = 0; i < word.length; i++) if (!isWordCharacter(word, i)) return false;
  return true;
}

// Scratch space shared by all searches (they run one at a time): per slot, the heaviest weight of
// the word being collected, how many words matched so far, and their summed weight (kept zeroed),
// and the slot's seed.
let wordWeight = new Uint8Array(1024);
let wordsMatched = new Uint8Array(1024);
let weightSum = new Uint16Array(1024);
let seeds = new Int32Array(1024);

function ensureScratch(size: number): void {
  if (wordWeight.length >= size) return;
  let length = wordWeight.length;
  while (length < size) length *= 2;
  wordWeight = new Uint8Array(length);
  wordsMatched = new Uint8Array(length);
  weightSum = new Uint16Array(length);
  seeds = new Int32Array(length);
}

/**
 * The slots whose text holds every keyword word, each with its keyword score (as keywordScore) and
 * seed: `count` matches in `pairs`, laid out as postings (see {@link SCORE_BITS}). Read only.
 */
export interface KeywordMatches {
  pairs: Int32Array;
  count: number;
}

export class WordIndex {
  /** Every word's postings, by a hash of the word (see {@link WordIndex.find}): no string is cut to look one up. */
  private readonly byHash = new Map<number, Postings[]>();
  /** The words by their first {@link GROUP} characters. */
  private readonly groups = new Map<string, Set<Postings>>();

  add(slot: number, seed: number, text: string, topicsEnd: number, roleEnd: number): void {
    const item = slot << SCORE_BITS;
    eachWord(text, (at, end) => {
      const postings = this.find(text, at, end) ?? this.create(text.slice(at, end));
      // Only a word's first occurrence counts: it is the heaviest. A slot's words are added together.
      const { items, size } = postings;
      if (size > 0 && (items[2 * size - 2] as number) >>> SCORE_BITS === slot) return;
      if (2 * size === items.length) {
        postings.items = new Int32Array(items.length * 2);
        postings.items.set(items);
      }
      const weight =
        at < topicsEnd ? KEYWORD_WEIGHT.topic : at < roleEnd ? KEYWORD_WEIGHT.role : KEYWORD_WEIGHT.other;
      postings.items[2 * size] = item | weight;
      postings.items[2 * size + 1] = seed;
      postings.size++;
    });
  }

  /** Forgets the slot holding `text`. */
  remove(slot: number, text: string): void {
    for (const word of wordsOf(text)) {
      const postings = this.find(word, 0, word.length);
      const at = postings ? slotAt(postings, slot) : -1;
      if (!postings || at < 0) continue;
      const last = 2 * --postings.size;
      postings.items.copyWithin(2 * at, last, last + 2);
      if (postings.size > 0) continue;
      const hash = hashOf(word, 0, word.length);
      const same = (this.byHash.get(hash) ?? []).filter((other) => other !== postings);
      if (same.length > 0) this.byHash.set(hash, same);
      else this.byHash.delete(hash);
      const key = word.slice(0, GROUP);
      const group = this.groups.get(key);
      group?.delete(postings);
      if (group?.size === 0) this.groups.delete(key);
    }
  }

  /** Renumbers the slot holding `text` from `from` to `to`. */
  move(from: number, to: number, text: string): void {
    for (const word of wordsOf(text)) {
      const postings = this.find(word, 0, word.length);
      const at = postings ? slotAt(postings, from) : -1;
      if (postings && at >= 0)
        postings.items[2 * at] = (to << SCORE_BITS) | ((postings.items[2 * at] as number) & SCORE_MASK);
    }
  }

  /**
   * The postings of the one indexed word that starts with `word`, when there is exactly one. A slot
   * is in a word's postings once, so they are the matches already, without merging in scratch space.
   */
  private onlyWordStarting(word: string): Postings | undefined {
    let only: Postings | undefined;
    for (const postings of this.groups.get(word.slice(0, GROUP)) ?? []) {
      if (!postings.word.startsWith(word)) continue;
      if (only) return undefined;
      only = postings;
    }
    return only;
  }

  /** The postings of the word `text.slice(at, end)`, if indexed. */
  private find(text: string, at: number, end: number): Postings | undefined {
    const same = this.byHash.get(hashOf(text, at, end));
    if (!same) return undefined;
    for (const postings of same) if (isWordAt(postings.word, text, at, end)) return postings;
    return undefined;
  }

  private create(word: string): Postings {
    const postings: Postings = { word, items: new Int32Array(4), size: 0 };
    const hash = hashOf(word, 0, word.length);
    const same = this.byHash.get(hash);
    if (same) same.push(postings);
    else this.byHash.set(hash, [postings]);
    const key = word.slice(0, GROUP);
    let group = this.groups.get(key);
    if (!group) {
      group = new Set();
      this.groups.set(key, group);
    }
    group.add(postings);
    return postings;
  }

  /**
   * The slots matching every word, with their scores; `undefined` when some word cannot be looked up
   * here (shorter than the group prefix, or holding other characters) and the texts must be read.
   */
  matches(words: readonly string[], size: number): KeywordMatches | undefined {
    if (!words.every(indexable)) return undefined;
    const only = words.length === 1 ? this.onlyWordStarting(words[0] as string) : undefined;
    if (only) return { pairs: only.items, count: only.size };
    ensureScratch(size);
    let first: number[] = [];
    for (const [i, word] of words.entries()) {
      const touched: number[] = [];
      for (const postings of this.groups.get(word.slice(0, GROUP)) ?? []) {
        if (postings.word.startsWith(word)) {
          const { items } = postings;
          for (let p = 0; p < 2 * postings.size; p += 2) {
            const item = items[p] as number;
            const slot = item >>> SCORE_BITS;
            const weight = item & SCORE_MASK;
            const had = wordWeight[slot] as number;
            if (had === 0) touched.push(slot);
            if (weight > had) wordWeight[slot] = weight;
            if (i === 0) seeds[slot] = items[p + 1] as number;
          }
        }
      }
      for (const slot of touched) {
        if (wordsMatched[slot] === i) {
          wordsMatched[slot] = i + 1;
          weightSum[slot] = (weightSum[slot] as number) + (wordWeight[slot] as number);
        }
        wordWeight[slot] = 0;
      }
      if (i === 0) first = touched;
    }
    let count = 0;
    for (const slot of first) if (wordsMatched[slot] === words.length) count++;
    const pairs = new Int32Array(2 * count);
    count = 0;
    for (const slot of first) {
      if (wordsMatched[slot] === words.length) {
        // At most 25 words of 3 or more characters fit a keyword: their weights stay under SCORE_MASK.
        pairs[2 * count] = (slot << SCORE_BITS) | Math.min(weightSum[slot] as number, SCORE_MASK);
        pairs[2 * count++ + 1] = seeds[slot] as number;
      }
      wordsMatched[slot] = 0;
      weightSum[slot] = 0;
    }
    return { pairs, count };
  }
}

/** Where in its postings the match of `slot` is, counted in matches; -1 if absent. */
function slotAt(postings: Postings, slot: number): number {
  const { items, size } = postings;
  for (let at = 0; at < size; at++) if ((items[2 * at] as number) >>> SCORE_BITS === slot) return at;
  return -1;
}
