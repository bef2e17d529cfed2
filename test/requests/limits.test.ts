import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { NOT_TAKING_REQUESTS } from "../../src/domain/requests/messages.js";
import { RequestRefused } from "../../src/domain/requests/refusal.js";
import {
  DAY,
  EXPIRY_MS,
  type Fixture,
  fixture,
  GUILD,
  limitOf,
  refusal,
  requestInput,
  TERMS,
} from "./helpers.js";

let f: Fixture;
beforeEach(async () => {
  f = await fixture();
});
afterEach(() => f.store.close());

const ask = (seeker: string, mentor: string, capacity = TERMS.monthlyCapacity) =>
  f.requests.lifecycle.create(requestInput(seeker, mentor), { ...TERMS, monthlyCapacity: capacity });

describe("pending requests per seeker", () => {
  it("refuses the fourth pending request, says when the limit lifts, and lifts it on an answer", async () => {
    const first = await ask("s", "m1");
    f.clock.now += 1000;
    await ask("s", "m2");
    await ask("s", "m3");
    expect(await limitOf(ask("s", "m4"))).toEqual({
      kind: "too-many-pending",
      limit: 3,
      liftsAt: first.expiresAt,
    });
    expect(first.expiresAt).toBe(first.createdAt + EXPIRY_MS);
    await f.requests.lifecycle.decline(GUILD, first.id, "m1");
    await expect(ask("s", "m4")).resolves.toMatchObject({ state: "pending", mentorId: "m4" });
  });

  it("follows the guild setting", async () => {
    await f.settings.update(GUILD, { maxPendingPerSeeker: 1 });
    await ask("s", "m1");
    expect(await limitOf(ask("s", "m2"))).toMatchObject({ kind: "too-many-pending", limit: 1 });
    // Other seekers are not affected.
    await expect(ask("t", "m2")).resolves.toBeDefined();
  });
});

describe("asking the same librarian again", () => {
  it("refuses while a request to them is still waiting", async () => {
    const first = await ask("s", "m");
    expect(await limitOf(ask("s", "m"))).toEqual({ kind: "already-waiting", sentAt: first.createdAt });
  });

  it("refuses within the cooldown after a decline and says when it lifts", async () => {
    const first = await ask("s", "m");
    await f.requests.lifecycle.decline(GUILD, first.id, "m");
    f.clock.now += 10 * DAY;
    const liftsAt = first.createdAt + 90 * DAY;
    expect(await limitOf(ask("s", "m"))).toEqual({
      kind: "cooldown",
      askedAt: first.createdAt,
      days: 90,
      liftsAt,
    });
    expect(f.requests.demand.isExcluded(GUILD, "s", "m", f.clock.now)).toBe(true);
    f.clock.now = liftsAt - 1;
    expect(await limitOf(ask("s", "m"))).toMatchObject({ kind: "cooldown" });
    f.clock.now = liftsAt;
    expect(f.requests.demand.isExcluded(GUILD, "s", "m", f.clock.now)).toBe(false);
    await expect(ask("s", "m")).resolves.toMatchObject({ state: "pending" });
  });

  it("counts expired and cancelled requests too", async () => {
    const expired = await ask("s", "m1");
    await f.requests.lifecycle.expire(GUILD, expired.id);
    const cancelled = await ask("s", "m2");
    await f.requests.lifecycle.cancel(GUILD, cancelled.id, "s");
    expect(await limitOf(ask("s", "m1"))).toMatchObject({ kind: "cooldown" });
    expect(await limitOf(ask("s", "m2"))).toMatchObject({ kind: "cooldown" });
  });

  it("follows the guild setting, and 0 days means no cooldown", async () => {
    await f.settings.update(GUILD, { sameMentorCooldownDays: 0 });
    const first = await ask("s", "m");
    await f.requests.lifecycle.decline(GUILD, first.id, "m");
    await expect(ask("s", "m")).resolves.toMatchObject({ state: "pending" });
  });

  it("allows asking again at once when the last request was accepted or met", async () => {
    const first = await ask("s", "m");
    await f.requests.lifecycle.accept(GUILD, first.id, "m");
    expect(f.requests.demand.isExcluded(GUILD, "s", "m", f.clock.now)).toBe(false);
    const second = await ask("s", "m");
    await f.requests.lifecycle.accept(GUILD, second.id, "m");
    await f.requests.lifecycle.markMet(GUILD, second.id, "s");
    await expect(ask("s", "m")).resolves.toMatchObject({ state: "pending" });
  });

  it("looks only at the last request to that librarian", async () => {
    await f.settings.update(GUILD, { maxPendingPerSeeker: 10 });
    const accepted = await ask("s", "m");
    await f.requests.lifecycle.accept(GUILD, accepted.id, "m");
    f.clock.now += DAY;
    const declined = await ask("s", "m");
    await f.requests.lifecycle.decline(GUILD, declined.id, "m");
    expect(await limitOf(ask("s", "m"))).toMatchObject({ kind: "cooldown" });
  });
});

describe("monthly capacity", () => {
  it("counts pending and accepted requests this month and says when the limit lifts", async () => {
    const a = await ask("s1", "m", 2);
    await ask("s2", "m", 2);
    await f.requests.lifecycle.accept(GUILD, a.id, "m");
    expect(f.requests.demand.activeThisMonth(GUILD, "m", f.clock.now)).toBe(2);
    expect(await limitOf(ask("s3", "m", 2))).toEqual({ kind: "at-capacity", liftsAt: Date.UTC(2025, 3, 1) });
  });

  it("still counts an interview that took place, but not declined or cancelled requests", async () => {
    const met = await ask("s1", "m", 2);
    await f.requests.lifecycle.accept(GUILD, met.id, "m");
    await f.requests.lifecycle.markMet(GUILD, met.id, "s1");
    const declined = await ask("s2", "m", 2);
    await f.requests.lifecycle.decline(GUILD, declined.id, "m");
    const cancelled = await ask("s3", "m", 2);
    await f.requests.lifecycle.cancel(GUILD, cancelled.id, "s3");
    expect(f.requests.demand.activeThisMonth(GUILD, "m", f.clock.now)).toBe(1);
    await expect(ask("s4", "m", 2)).resolves.toBeDefined();
    expect(await limitOf(ask("s5", "m", 2))).toMatchObject({ kind: "at-capacity" });
  });

  it("starts again on the first of the next month, UTC", async () => {
    f.clock.now = Date.UTC(2025, 2, 31, 23, 59);
    await ask("s1", "m", 1);
    expect(await limitOf(ask("s2", "m", 1))).toMatchObject({ kind: "at-capacity" });
    f.clock.now = Date.UTC(2025, 3, 1, 0, 0);
    expect(f.requests.demand.activeThisMonth(GUILD, "m", f.clock.now)).toBe(0);
    await expect(ask("s2", "m", 1)).resolves.toBeDefined();
  });
});

describe("blocks", () => {
  it("refuse with a neutral message that never mentions the block, before any other limit", async () => {
    const first = await ask("s", "m");
    await f.requests.blocks.blockRequester(GUILD, first.id, "m");
    // Within the cooldown and at capacity too: the message must still be the neutral one.
    const message = await refusal(ask("s", "m", 1));
    expect(message).toBe(`RequestRefused: ${NOT_TAKING_REQUESTS}`);
    expect(message.toLowerCase()).not.toMatch(/block/);
    expect(f.requests.demand.isExcluded(GUILD, "s", "m", f.clock.now)).toBe(true);
  });

  it("last for ever: no cooldown ends them", async () => {
    await f.requests.blocks.block(GUILD, "m", "s");
    f.clock.now += 3 * 365 * DAY;
    expect(f.requests.demand.isExcluded(GUILD, "s", "m", f.clock.now)).toBe(true);
    await expect(ask("s", "m")).rejects.toThrow(NOT_TAKING_REQUESTS);
    // Only this pair: the seeker can ask others, and others can ask this librarian.
    await expect(ask("s", "other")).resolves.toBeDefined();
    await expect(ask("t", "m")).resolves.toBeDefined();
  });

  it("read exactly like a pause", async () => {
    await f.requests.blocks.block(GUILD, "m1", "s");
    const blocked = await refusal(ask("s", "m1"));
    const paused = await refusal(
      f.requests.lifecycle.create(requestInput("s", "m2"), { ...TERMS, paused: true }),
    );
    expect(blocked).toBe(paused);
  });

  it("only the librarian of a request can block its seeker", async () => {
    const request = await ask("s", "m");
    await expect(f.requests.blocks.blockRequester(GUILD, request.id, "s")).rejects.toThrow(
      "Only the librarian this request was sent to can do that.",
    );
    expect(f.requests.blocks.isBlocked(GUILD, "m", "s")).toBe(false);
  });
});

describe("a refusal's own message", () => {
  it("is plain text with UTC dates, readable wherever it shows as it is", async () => {
    const first = await ask("s", "m");
    const error = await ask("s", "m").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RequestRefused);
    expect((error as RequestRefused).message).toBe(
      "You already have a request waiting for this librarian's answer (sent 2025-03-10).",
    );
    await f.requests.lifecycle.decline(GUILD, first.id, "m");
    expect((await refusal(ask("s", "m"))).replace(/^\w+: /, "")).toBe(
      "You asked this librarian on 2025-03-10; you can ask them again from 2025-06-08.",
    );
  });
});

describe("request fields", () => {
  it("stores clean values", async () => {
    const request = await f.requests.lifecycle.create(
      requestInput("s", "m", {
        libraryType: "Public Library",
        format: " Phone ",
        note: `  ${"x".repeat(40)}  `,
        availability: "  weekday   evenings ",
      }),
      TERMS,
    );
    expect(request).toMatchObject({
      libraryType: "public-library",
      format: "phone",
      note: "x".repeat(40),
      availability: "weekday evenings",
    });
    expect(request.id).toMatch(/^[0-9a-z]{8}$/);
  });

  it("gives a seeker whose display name cleans to nothing a neutral name", async () => {
    const request = await f.requests.lifecycle.create(
      requestInput("s", "m", { seekerName: "\u0000\u0007 " }),
      TERMS,
    );
    expect(request.seekerName).toBe("A library job-seeker");
  });

  it.each([
    [{ note: "Too short." }, "at least 30 characters (you wrote 10)"],
    [{ note: "y".repeat(1001) }, "What you hope to learn is 1001 characters; the limit is 1000."],
    [
      { format: "in-person" },
      `This librarian doesn't offer "in-person" interviews. Choose one of: video, phone.`,
    ],
    [{ availability: "z".repeat(201) }, "Your availability is 201 characters; the limit is 200."],
    [{ libraryType: "spaceship" }, `I don't know the library type "spaceship".`],
    [{ assignmentDue: "next week" }, `"next week" is not a date like 2027-03-15.`],
    [{ assignmentDue: "2027-02-30" }, `"2027-02-30" is not a date like 2027-03-15.`],
    [{ mentorId: "s" }, "You can't send an interview request to yourself."],
  ])("refuses %o", async (extra, message) => {
    await expect(f.requests.lifecycle.create(requestInput("s", "m", extra), TERMS)).rejects.toThrow(message);
    expect(f.requests.queries.listFor(GUILD, "s").asSeeker).toEqual([]);
  });

  it("keeps a class assignment's due date, and nothing when it is left empty", async () => {
    const forClass = await f.requests.lifecycle.create(
      requestInput("s", "m1", { assignmentDue: " 2027-03-15 " }),
      TERMS,
    );
    expect(forClass.assignmentDue).toBe("2027-03-15");
    const notForClass = await f.requests.lifecycle.create(
      requestInput("s", "m2", { assignmentDue: "" }),
      TERMS,
    );
    expect(notForClass).not.toHaveProperty("assignmentDue");
  });

  it("accepts a note of exactly 30 and exactly 1,000 characters", async () => {
    await expect(
      f.requests.lifecycle.create(requestInput("s", "m1", { note: "a".repeat(30) }), TERMS),
    ).resolves.toBeDefined();
    await expect(
      f.requests.lifecycle.create(requestInput("s", "m2", { note: "b".repeat(1000) }), TERMS),
    ).resolves.toBeDefined();
  });

  it("refuses a decline reason over 300 characters", async () => {
    const request = await ask("s", "m");
    await expect(f.requests.lifecycle.decline(GUILD, request.id, "m", "r".repeat(301))).rejects.toThrow(
      "Your reason is 301 characters; the limit is 300.",
    );
    expect(f.requests.records.get(GUILD, request.id)?.state).toBe("pending");
  });
});

describe("demand for search", () => {
  it("counts requests received since a time", async () => {
    await ask("s1", "m");
    f.clock.now += DAY;
    const since = f.clock.now;
    await ask("s2", "m");
    await ask("s3", "m");
    expect(f.requests.demand.askedSince(GUILD, "m", since)).toBe(2);
    expect(f.requests.demand.askedSince(GUILD, "m", 0)).toBe(3);
    expect(f.requests.demand.askedSince("other-guild", "m", 0)).toBe(0);
  });
});
