import { describe, expect, it } from "vitest";
import { itemNonce, matchesKeywords, planPosts, rememberSeen } from "../../src/domain/feeds/dedupe.js";
import type { FeedItem } from "../../src/domain/feeds/parse.js";

const item = (id: string, minute?: number, title = `Item ${id}`, summaryText = ""): FeedItem => ({
  id,
  title,
  summaryText,
  published: minute === undefined ? undefined : new Date(Date.UTC(2025, 2, 1, 0, minute)),
});

const later = { firstRun: false, backfill: false, keywords: [], maxPosts: 5 };

describe("planPosts", () => {
  it("posts nothing on a first run but skips every current item", () => {
    const plan = planPosts([item("c", 3), item("b", 2), item("a", 1)], [], { ...later, firstRun: true });
    expect(plan).toEqual({ post: [], skip: ["a", "b", "c"], overflow: false });
  });

  it("posts only the newest item on a first run with backfill", () => {
    const plan = planPosts([item("b", 2), item("c", 3), item("a", 1)], [], {
      ...later,
      firstRun: true,
      backfill: true,
    });
    expect(plan.post.map((entry) => entry.id)).toEqual(["c"]);
    expect(plan.skip).toEqual(["a", "b"]);
  });

  it("posts unseen items oldest first, at most maxPosts, and says more are waiting", () => {
    const items = [9, 8, 7, 6, 5, 4, 3, 2, 1].map((n) => item(`i${n}`, n));
    const plan = planPosts(items, ["i1", "i2"], later);
    expect(plan.post.map((entry) => entry.id)).toEqual(["i3", "i4", "i5", "i6", "i7"]);
    expect(plan.overflow).toBe(true);
    expect(plan.skip).toEqual([]);
  });

  it("orders by date even when the feed is not newest first, else by reversed feed order", () => {
    const dated = planPosts([item("x", 5), item("y", 1), item("z", 3)], [], later);
    expect(dated.post.map((entry) => entry.id)).toEqual(["y", "z", "x"]);
    const undated = planPosts([item("x"), item("y", 1), item("z")], [], later);
    expect(undated.post.map((entry) => entry.id)).toEqual(["z", "y", "x"]);
  });

  it("never posts a seen id again, whatever its new title or position, nor an id listed twice", () => {
    const plan = planPosts([item("a", 1, "Edited title"), item("new", 2), item("new", 2)], ["a"], later);
    expect(plan.post.map((entry) => entry.id)).toEqual(["new"]);
  });

  it("with keywords, posts only matching items and skips the rest for good", () => {
    const items = [
      item("1", 1, "Archivist wanted"),
      item("2", 2, "Board meeting", "We need an ARCHIVIST soon"),
      item("3", 3, "Book sale"),
    ];
    const plan = planPosts(items, [], { ...later, keywords: ["archivist", "cataloguer"] });
    expect(plan.post.map((entry) => entry.id)).toEqual(["1", "2"]);
    expect(plan.skip).toEqual(["3"]);
    expect(matchesKeywords(item("4", 4, "Anything"), [])).toBe(true);
  });
});

describe("rememberSeen", () => {
  it("keeps the newest ids within the limit, oldest dropped first", () => {
    const seen = rememberSeen(["a", "b", "c"], ["d", "e"], new Set(), 4);
    expect(seen).toEqual(["b", "c", "d", "e"]);
  });

  it("never drops an id the feed still lists", () => {
    const seen = rememberSeen(["a", "b", "c"], ["d", "e"], new Set(["a", "b", "d", "e"]), 4);
    expect(seen).toEqual(["a", "b", "d", "e"]);
    expect(rememberSeen(["a", "b"], ["c"], new Set(["a", "b", "c"]), 2)).toEqual(["a", "b", "c"]);
  });

  it("holds about 1,000 ids by default", () => {
    const ids = Array.from({ length: 1500 }, (_, index) => `id-${index}`);
    const seen = rememberSeen([], ids, new Set());
    expect(seen).toHaveLength(1000);
    expect(seen[0]).toBe("id-500");
  });
});

describe("itemNonce", () => {
  it("is deterministic, at most 25 characters, and differs by guild, feed and item", () => {
    const nonce = itemNonce("111", "feed1", "https://example.org/post/1");
    expect(nonce).toBe(itemNonce("111", "feed1", "https://example.org/post/1"));
    expect(nonce.length).toBeLessThanOrEqual(25);
    expect(nonce).toMatch(/^[0-9a-z]+$/);
    expect(itemNonce("222", "feed1", "https://example.org/post/1")).not.toBe(nonce);
    expect(itemNonce("111", "feed2", "https://example.org/post/1")).not.toBe(nonce);
    expect(itemNonce("111", "feed1", "https://example.org/post/2")).not.toBe(nonce);
  });
});
