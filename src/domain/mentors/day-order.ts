import { rotationKey } from "./rotation.js";
import { SCORE_BITS, SCORE_MASK } from "./word-index.js";

/**
 * The librarians who match a search, in the day's order: heaviest keyword weight first, then by day
 * key (see {@link dayKey}), ties by user id. A seeker's list starts at their own place in the first
 * run, so a search reads from there only as far as the list needs, not every match.
 */
export interface DayOrder {
  /** `slot << SCORE_BITS | weight`, in order. */
  readonly items: Int32Array;
  /** Each item's day key. */
  readonly keys: Uint32Array;
  /** Where each run of one weight ends; the first starts at 0, each next where the last ended. */
  readonly ends: readonly number[];
}

/** A librarian's place in the day's order; the same for every seeker, different every day. */
export const dayKey = (mentorSeed: number, daySeed: number): number => rotationKey(mentorSeed, daySeed);

/** Orders `count` matches laid out as postings: `slot << SCORE_BITS | weight`, then the slot's seed. */
export function buildDayOrder(
  pairs: Int32Array,
  count: number,
  daySeed: number,
  userIds: readonly string[],
): DayOrder {
  const perWeight = new Int32Array(SCORE_MASK + 1);
  for (let i = 0; i < count; i++) {
    const weight = (pairs[2 * i] as number) & SCORE_MASK;
    perWeight[weight] = (perWeight[weight] as number) + 1;
  }
  const next = new Int32Array(SCORE_MASK + 1);
  const ends: number[] = [];
  for (let weight = SCORE_MASK, at = 0; weight >= 0; weight--) {
    if (perWeight[weight] === 0) continue;
    next[weight] = at;
    at += perWeight[weight] as number;
    ends.push(at);
  }
  const items = new Int32Array(count);
  const keys = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    const item = pairs[2 * i] as number;
    const at = next[item & SCORE_MASK] as number;
    next[item & SCORE_MASK] = at + 1;
    items[at] = item;
    keys[at] = dayKey(pairs[2 * i + 1] as number, daySeed);
  }
  let start = 0;
  for (const end of ends) {
    sortRun(items, keys, start, end, userIds);
    start = end;
  }
  return { items, keys, ends };
}

/** Sorts `items` and `keys` between `start` and `end` by key, then user id. */
function sortRun(
  items: Int32Array,
  keys: Uint32Array,
  start: number,
  end: number,
  userIds: readonly string[],
) {
  radixSort(items, keys, start, end);
  // Equal keys, a one-in-four-billion chance per pair: the user id decides, as it does in ranking.
  const userIdOf = (item: number) => userIds[item >>> SCORE_BITS] as string;
  for (let i = start + 1; i < end; i++) {
    if (keys[i] !== keys[i - 1]) continue;
    let last = i;
    while (last + 1 < end && keys[last + 1] === keys[i]) last++;
    const tied = Array.from(items.subarray(i - 1, last + 1)).sort((a, b) =>
      compare(userIdOf(a), userIdOf(b)),
    );
    items.set(tied, i - 1);
    i = last;
  }
}

/**
 * Least significant byte first, four passes: linear in the run, where the engine's own sort of a
 * typed array takes a millisecond for 20,000 numbers. Stable, so equal keys keep their order.
 */
function radixSort(items: Int32Array, keys: Uint32Array, start: number, end: number): void {
  const length = end - start;
  let fromKeys = keys.slice(start, end);
  let fromItems = items.slice(start, end);
  let toKeys = new Uint32Array(length);
  let toItems = new Int32Array(length);
  const counts = new Int32Array(256);
  for (let shift = 0; shift < 32; shift += 8) {
    counts.fill(0);
    for (let i = 0; i < length; i++) {
      const digit = ((fromKeys[i] as number) >>> shift) & 255;
      counts[digit] = (counts[digit] as number) + 1;
    }
    for (let digit = 0, sum = 0; digit < 256; digit++) {
      const count = counts[digit] as number;
      counts[digit] = sum;
      sum += count;
    }
    for (let i = 0; i < length; i++) {
      const key = fromKeys[i] as number;
      const digit = (key >>> shift) & 255;
      const at = counts[digit] as number;
      counts[digit] = at + 1;
      toKeys[at] = key;
      toItems[at] = fromItems[i] as number;
    }
    [fromKeys, toKeys] = [toKeys, fromKeys];
    [fromItems, toItems] = [toItems, fromItems];
  }
  keys.set(fromKeys, start);
  items.set(fromItems, start);
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The first position between `start` and `end` whose key is at least `key`; `end` if none. */
export function lowerBound(keys: Uint32Array, start: number, end: number, key: number): number {
  let low = start;
  let high = end;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((keys[middle] as number) < key) low = middle + 1;
    else high = middle;
  }
  return low;
}
