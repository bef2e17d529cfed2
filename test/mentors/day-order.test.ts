import { describe, expect, it } from "vitest";
import { buildDayOrder, dayKey, lowerBound } from "../../src/domain/mentors/day-order.js";
import { SCORE_BITS } from "../../src/domain/mentors/word-index.js";

/** Postings for [slot, weight, seed] triples. */
const postings = (matches: [number, number, number][]): Int32Array =>
  Int32Array.from(matches.flatMap(([slot, weight, seed]) => [(slot << SCORE_BITS) | weight, seed]));

const DAY = 12345;

describe("buildDayOrder", () => {
  it("puts the heaviest weight first, each run by day key", () => {
    const matches: [number, number, number][] = Array.from({ length: 300 }, (_, slot) => [
      slot,
      [1, 3, 2][slot % 3] as number,
      slot * 7919,
    ]);
    const order = buildDayOrder(postings(matches), matches.length, DAY, []);
    expect(order.ends).toEqual([100, 200, 300]);
    const weights = Array.from(order.items, (item) => item & ((1 << SCORE_BITS) - 1));
    expect(weights).toEqual([...Array(100).fill(3), ...Array(100).fill(2), ...Array(100).fill(1)]);
    let start = 0;
    for (const end of order.ends) {
      const run = Array.from(order.keys.subarray(start, end));
      expect(run).toEqual([...run].sort((a, b) => a - b));
      start = end;
    }
    const slots = Array.from(order.items, (item) => item >>> SCORE_BITS);
    expect(new Set(slots).size).toBe(300);
    slots.forEach((slot, i) => {
      expect(order.keys[i]).toBe(dayKey(slot * 7919, DAY));
    });
  });

  it("orders equal day keys by user id, and differs from day to day", () => {
    const userIds = ["zed", "amy", "kim", "bob"];
    const matches: [number, number, number][] = userIds.map((_, slot) => [slot, 3, 42]);
    const order = buildDayOrder(postings(matches), 4, DAY, userIds);
    expect(Array.from(order.items, (item) => userIds[item >>> SCORE_BITS])).toEqual([
      "amy",
      "bob",
      "kim",
      "zed",
    ]);
    const many: [number, number, number][] = Array.from({ length: 50 }, (_, slot) => [slot, 1, slot]);
    const slotsOn = (day: number) =>
      Array.from(buildDayOrder(postings(many), 50, day, []).items, (item) => item >>> SCORE_BITS);
    expect(slotsOn(DAY + 1)).not.toEqual(slotsOn(DAY));
  });
});

describe("lowerBound", () => {
  it("finds the first key at or after a value within a run", () => {
    const keys = Uint32Array.from([5, 9, 9, 20, 1, 2]);
    expect(lowerBound(keys, 0, 4, 0)).toBe(0);
    expect(lowerBound(keys, 0, 4, 9)).toBe(1);
    expect(lowerBound(keys, 0, 4, 10)).toBe(3);
    expect(lowerBound(keys, 0, 4, 21)).toBe(4);
    expect(lowerBound(keys, 4, 6, 2)).toBe(5);
  });
});
