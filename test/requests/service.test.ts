import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { UserError } from "../../src/domain/errors.js";
import { createRequests } from "../../src/domain/requests/index.js";
import { KEPT_AFTER_DELETION, NOT_SHOWN } from "../../src/domain/requests/privacy.js";
import type { InterviewRequest } from "../../src/domain/requests/request.js";
import { DAY_MS } from "../../src/domain/time.js";
import {
  meetingCloseKey,
  meetingNudgeKey,
  requestExpiryKey,
  TIMER_KINDS,
} from "../../src/domain/timers/kinds.js";
import { guildKey } from "../../src/store/store.js";
import {
  CLOSE_MS,
  EXPIRY_MS,
  type Fixture,
  fixture,
  GUILD,
  NUDGE_MS,
  requestInput,
  TERMS,
} from "./helpers.js";

let f: Fixture;
beforeEach(async () => {
  f = await fixture();
});
afterEach(() => f.store.close());

const ask = (seeker: string, mentor: string) =>
  f.requests.lifecycle.create(requestInput(seeker, mentor), TERMS);
/** Lets fire-and-forget timer cancellations finish. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("a request's life", () => {
  it("is saved with its expiry timer on creation", async () => {
    const request = await ask("s", "m");
    expect(await f.store.get(guildKey(GUILD, "request", request.id))).toEqual(request);
    expect(await f.timers.get(requestExpiryKey(GUILD, request.id))).toMatchObject({
      kind: TIMER_KINDS.requestExpiry,
      dueAt: request.createdAt + EXPIRY_MS,
      payload: { guildId: GUILD, requestId: request.id },
    });
  });

  it("on acceptance gets the first-contact nudge and close timers, and loses its expiry timer", async () => {
    const request = await ask("s", "m");
    f.clock.now += 5000;
    const result = await f.requests.lifecycle.accept(GUILD, request.id, "m");
    await settle();
    expect(result).toEqual({
      changed: true,
      request: {
        ...request,
        state: "accepted",
        decidedAt: f.clock.now,
        effects: ["deliver", "connect"],
      },
    });
    expect(await f.timers.get(requestExpiryKey(GUILD, request.id))).toBeUndefined();
    expect(await f.timers.get(meetingNudgeKey(GUILD, request.id))).toMatchObject({
      kind: TIMER_KINDS.meetingNudge,
      dueAt: f.clock.now + NUDGE_MS,
    });
    expect(await f.timers.get(meetingCloseKey(GUILD, request.id))).toMatchObject({
      kind: TIMER_KINDS.meetingClose,
      dueAt: f.clock.now + CLOSE_MS,
    });
  });

  it("treats a second Accept as a no-op that keeps the first nudge time", async () => {
    const request = await ask("s", "m");
    const first = await f.requests.lifecycle.accept(GUILD, request.id, "m");
    f.clock.now += 60_000;
    const second = await f.requests.lifecycle.accept(GUILD, request.id, "m");
    expect(second).toEqual({ changed: false, request: first.request });
    expect((await f.timers.get(meetingNudgeKey(GUILD, request.id)))?.dueAt).toBe(
      (first.request.decidedAt ?? 0) + NUDGE_MS,
    );
  });

  it("refuses the wrong people and leaves the request as it was", async () => {
    const request = await ask("s", "m");
    await expect(f.requests.lifecycle.accept(GUILD, request.id, "s")).rejects.toThrow(UserError);
    await expect(f.requests.lifecycle.decline(GUILD, request.id, "stranger")).rejects.toThrow(
      "Only the librarian",
    );
    await expect(f.requests.lifecycle.cancel(GUILD, request.id, "m")).rejects.toThrow(
      "Only the person who sent",
    );
    expect(f.requests.records.get(GUILD, request.id)).toEqual(request);
    expect(await f.timers.get(meetingNudgeKey(GUILD, request.id))).toBeUndefined();
  });

  it("refuses Decline after Accept", async () => {
    const request = await ask("s", "m");
    await f.requests.lifecycle.accept(GUILD, request.id, "m");
    await expect(f.requests.lifecycle.decline(GUILD, request.id, "m")).rejects.toThrow(
      "This request was already accepted, so it can't be declined now.",
    );
  });

  it("lets exactly one of a simultaneous Accept and Decline win", async () => {
    const request = await ask("s", "m");
    const results = await Promise.allSettled([
      f.requests.lifecycle.accept(GUILD, request.id, "m"),
      f.requests.lifecycle.decline(GUILD, request.id, "m"),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    await settle();
    const state = f.requests.records.get(GUILD, request.id)?.state;
    const followUp = await f.timers.get(meetingNudgeKey(GUILD, request.id));
    expect(state === "accepted" ? followUp !== undefined : followUp === undefined).toBe(true);
  });

  it("goes from accepted to met to rated, by the seeker only, and the nudge timer goes", async () => {
    const request = await ask("s", "m");
    await f.requests.lifecycle.accept(GUILD, request.id, "m");
    await expect(f.requests.lifecycle.markMet(GUILD, request.id, "m")).rejects.toThrow(
      "Only the person who sent",
    );
    const met = await f.requests.lifecycle.markMet(GUILD, request.id, "s");
    await settle();
    expect(met.request).toMatchObject({ state: "met", metAt: f.clock.now });
    expect(await f.timers.get(meetingNudgeKey(GUILD, request.id))).toBeUndefined();
    await expect(f.requests.lifecycle.recordFeedback(GUILD, request.id, "m", 5)).rejects.toThrow(
      "Only the person who sent",
    );
    const rated = await f.requests.lifecycle.recordFeedback(GUILD, request.id, "s", 4);
    expect(rated.request.feedback).toEqual({ rating: 4, at: f.clock.now });
    expect(await f.store.get(guildKey(GUILD, "request", request.id))).toEqual(rated.request);
  });

  it("lets the seeker cancel a pending request, once", async () => {
    const request = await ask("s", "m");
    expect((await f.requests.lifecycle.cancel(GUILD, request.id, "s")).changed).toBe(true);
    expect((await f.requests.lifecycle.cancel(GUILD, request.id, "s")).changed).toBe(false);
    await settle();
    expect(await f.timers.get(requestExpiryKey(GUILD, request.id))).toBeUndefined();
  });

  it("says so when a request no longer exists or belongs to another guild", async () => {
    const request = await ask("s", "m");
    await expect(f.requests.lifecycle.accept(GUILD, "nope", "m")).rejects.toThrow(
      "This request no longer exists.",
    );
    await expect(f.requests.lifecycle.accept("other-guild", request.id, "m")).rejects.toThrow(
      "no longer exists",
    );
  });

  it("records where the consent message went and the thread", async () => {
    const request = await ask("s", "m");
    await f.requests.lifecycle.recordDelivery(GUILD, request.id, { via: "dm", messageId: "123" });
    const saved = await f.requests.lifecycle.recordThread(GUILD, request.id, "456");
    expect(saved).toMatchObject({ delivery: { via: "dm", messageId: "123" }, threadId: "456" });
    expect(await f.store.get(guildKey(GUILD, "request", request.id))).toEqual(saved);
  });

  it("closes an accepted interview with no agreed time as not held, once, owing a kind word", async () => {
    const a = await ask("s", "m1");
    const b = await ask("s", "m2");
    await f.requests.lifecycle.accept(GUILD, a.id, "m1");
    await f.requests.lifecycle.accept(GUILD, b.id, "m2");
    await f.requests.lifecycle.markMet(GUILD, b.id, "s");
    const closes = await Promise.all([
      f.requests.lifecycle.closeUnscheduled(GUILD, a.id),
      f.requests.lifecycle.closeUnscheduled(GUILD, a.id),
    ]);
    expect(closes.map((close) => close?.changed).sort()).toEqual([false, true]);
    expect(f.requests.records.get(GUILD, a.id)).toMatchObject({
      state: "not-held",
      closedAt: f.clock.now,
      effects: ["deliver", "connect", "tell-not-held"],
    });
    expect((await f.requests.lifecycle.closeUnscheduled(GUILD, b.id))?.changed).toBe(false);
    expect(f.requests.records.get(GUILD, b.id)?.state).toBe("met");
    expect(await f.requests.lifecycle.closeUnscheduled(GUILD, "missing")).toBeUndefined();
  });
});

describe("expiry and automatic pauses", () => {
  const expireNew = async (seeker: string, mentor = "m", delivered = true) => {
    const request = await ask(seeker, mentor);
    if (delivered)
      await f.requests.lifecycle.recordDelivery(GUILD, request.id, { via: "dm", messageId: "1" });
    return f.requests.lifecycle.expire(GUILD, request.id);
  };

  it("does not count a request the librarian never received", async () => {
    await expireNew("s1");
    await expireNew("s2");
    expect(await expireNew("s3", "m", false)).toMatchObject({ changed: true, shouldPause: false });
    expect((await expireNew("s4")).shouldPause).toBe(true);
  });

  it("asks for a pause after three expiries in a row, then counts afresh", async () => {
    expect(await expireNew("s1")).toMatchObject({
      changed: true,
      shouldPause: false,
      request: { state: "expired" },
    });
    expect((await expireNew("s2")).shouldPause).toBe(false);
    expect((await expireNew("s3")).shouldPause).toBe(true);
    expect((await expireNew("s4")).shouldPause).toBe(false);
    expect((await expireNew("s5")).shouldPause).toBe(false);
    expect((await expireNew("s6")).shouldPause).toBe(true);
  });

  it.each(["accept", "decline"] as const)("an %s resets the count", async (answer) => {
    await expireNew("s1");
    await expireNew("s2");
    const answered = await ask("s3", "m");
    await f.requests.lifecycle[answer](GUILD, answered.id, "m");
    expect((await expireNew("s4")).shouldPause).toBe(false);
    expect((await expireNew("s5")).shouldPause).toBe(false);
    expect((await expireNew("s6")).shouldPause).toBe(true);
  });

  it("counts each librarian separately and follows the guild setting", async () => {
    await f.settings.update(GUILD, { autoPauseAfterExpiries: 2 });
    expect((await expireNew("s1", "m1")).shouldPause).toBe(false);
    expect((await expireNew("s2", "m2")).shouldPause).toBe(false);
    expect((await expireNew("s3", "m1")).shouldPause).toBe(true);
  });

  it("does not count an expiry that changed nothing", async () => {
    const accepted = await ask("s1", "m");
    await f.requests.lifecycle.accept(GUILD, accepted.id, "m");
    await expireNew("s2");
    const second = await expireNew("s3");
    const late = await f.requests.lifecycle.expire(GUILD, accepted.id);
    expect(late).toEqual({
      changed: false,
      shouldPause: false,
      request: f.requests.records.get(GUILD, accepted.id),
    });
    expect(late.request?.state).toBe("accepted");
    // The same expiry timer firing twice counts once.
    expect(await f.requests.lifecycle.expire(GUILD, second.request?.id ?? "")).toMatchObject({
      changed: false,
    });
    expect(await f.requests.lifecycle.expire(GUILD, "missing")).toEqual({
      changed: false,
      shouldPause: false,
    });
    expect((await expireNew("s5")).shouldPause).toBe(true);
  });
});

describe("blocks", () => {
  it("decline the seeker's pending request and withdraw an accepted one", async () => {
    await f.settings.update(GUILD, { sameMentorCooldownDays: 0 });
    const accepted = await ask("s", "m");
    await f.requests.lifecycle.accept(GUILD, accepted.id, "m");
    const pending = await ask("s", "m");
    const unrelated = await ask("t", "m");
    const closed = await f.requests.blocks.blockRequester(GUILD, pending.id, "m");
    expect(closed.map((r) => [r.id, r.state]).sort()).toEqual(
      [
        [accepted.id, "withdrawn"],
        [pending.id, "declined"],
      ].sort(),
    );
    expect(f.requests.records.get(GUILD, unrelated.id)?.state).toBe("pending");
    // Blocking twice keeps the first record.
    await f.requests.blocks.block(GUILD, "m", "s");
    expect(f.requests.privacy.exportFor(GUILD, "m").blocksMade).toEqual([
      { seekerId: "s", seekerName: "Seeker s", createdAt: f.clock.now },
    ]);
  });
});

describe("lists", () => {
  it("owes the effects of each change until they are settled, and across a reload", async () => {
    const sent = await ask("s", "m");
    expect(sent.effects).toEqual(["deliver"]);
    await f.requests.lifecycle.settle(GUILD, sent.id, "deliver");
    const declined = await ask("s2", "m");
    await f.requests.lifecycle.decline(GUILD, declined.id, "m", "Busy");
    // Sent a moment later: owingEffects lists oldest first, and equal times fall back to the random ids.
    f.clock.now += 1;
    const accepted = await ask("s3", "m");
    await f.requests.lifecycle.accept(GUILD, accepted.id, "m");
    await f.requests.lifecycle.settle(GUILD, accepted.id, "deliver");
    expect(f.requests.records.get(GUILD, sent.id)?.effects).toBeUndefined();
    expect(f.requests.records.get(GUILD, declined.id)?.effects).toEqual(["deliver", "tell-declined"]);
    expect(f.requests.records.get(GUILD, accepted.id)?.effects).toEqual(["connect"]);

    const reloaded = createRequests({
      store: f.store,
      settings: f.settings,
      requestExpiryMs: 1,
      firstContactNudgeMs: 1,
      unscheduledCloseMs: 2,
    });
    await reloaded.load();
    // Both were sent at the same moment: any order.
    expect(reloaded.queries.owingEffects(GUILD).map((request) => [request.id, request.effects])).toEqual(
      expect.arrayContaining([
        [declined.id, ["deliver", "tell-declined"]],
        [accepted.id, ["connect"]],
      ]),
    );
    expect(reloaded.queries.owingEffects(GUILD)).toHaveLength(2);
    // Settling twice, or settling what is not owed, changes nothing.
    await reloaded.lifecycle.settle(GUILD, accepted.id, "connect");
    await reloaded.lifecycle.settle(GUILD, accepted.id, "connect");
    await reloaded.lifecycle.settle(GUILD, declined.id, "connect");
    expect(reloaded.queries.owingEffects(GUILD).map((request) => request.id)).toEqual([declined.id]);
  });

  it("shows the open requests on each side, newest first", async () => {
    const older = await ask("s", "m1");
    f.clock.now += 1000;
    const newer = await ask("s", "m2");
    const done = await ask("s", "m3");
    await f.requests.lifecycle.cancel(GUILD, done.id, "s");
    const received = await ask("x", "s");
    await f.requests.lifecycle.accept(GUILD, received.id, "s");
    const list = f.requests.queries.listFor(GUILD, "s");
    expect(list.asSeeker.map((r) => r.id)).toEqual([newer.id, older.id]);
    expect(list.asMentor).toEqual([
      {
        ...received,
        state: "accepted",
        decidedAt: f.clock.now,
        effects: ["deliver", "connect"],
      },
    ]);
    expect(f.requests.queries.listFor("other-guild", "s")).toEqual({ asSeeker: [], asMentor: [] });
  });

  it("lists the waiting requests that never reached their librarian, oldest first", async () => {
    const first = await ask("s1", "m1");
    f.clock.now += 1000;
    const second = await ask("s2", "m2");
    const reached = await ask("s3", "m3");
    await f.requests.lifecycle.recordDelivery(GUILD, reached.id, { via: "dm", messageId: "1" });
    const withdrawn = await ask("s4", "m4");
    await f.requests.lifecycle.cancel(GUILD, withdrawn.id, "s4");
    expect(f.requests.queries.undelivered(GUILD).map((r) => r.id)).toEqual([first.id, second.id]);
    expect(f.requests.queries.undelivered("other-guild")).toEqual([]);
  });
});

describe("a user's data", () => {
  let sent: InterviewRequest;
  let received: InterviewRequest;
  let old: InterviewRequest;
  let others: InterviewRequest;

  beforeEach(async () => {
    sent = await ask("u", "m1");
    received = await ask("s1", "u");
    await f.requests.lifecycle.accept(GUILD, received.id, "u");
    old = await ask("s2", "u");
    await f.requests.lifecycle.accept(GUILD, old.id, "u");
    await f.requests.lifecycle.markMet(GUILD, old.id, "s2");
    await f.requests.lifecycle.recordFeedback(GUILD, old.id, "s2", 2);
    others = await ask("s1", "m1");
    await f.requests.blocks.block(GUILD, "u", "s3");
    await f.requests.blocks.block(GUILD, "m9", "u");
    await f.requests.blocks.block(GUILD, "m1", "s4");
  });

  it("withdrawAllFor closes open requests on both sides and names each other person once", async () => {
    const extra = await ask("s1", "u");
    await f.settings.update(GUILD, { sameMentorCooldownDays: 0 });
    const result = await f.requests.privacy.withdrawAllFor(GUILD, "u");
    expect(result.withdrawn.map((r) => r.id).sort()).toEqual([sent.id, received.id, extra.id].sort());
    expect(result.withdrawn.every((r) => r.state === "withdrawn" && r.closedAt === f.clock.now)).toBe(true);
    expect(result.notify.sort()).toEqual(["m1", "s1"]);
    expect(f.requests.records.get(GUILD, old.id)?.state).toBe("met");
    expect(f.requests.records.get(GUILD, others.id)?.state).toBe("pending");
    expect((await f.requests.privacy.withdrawAllFor(GUILD, "u")).withdrawn).toEqual([]);
  });

  it("withdrawAllFor can be limited to the requests a librarian received", async () => {
    const result = await f.requests.privacy.withdrawAllFor(GUILD, "u", "mentor");
    expect(result.withdrawn.map((r) => r.id)).toEqual([received.id]);
    expect(result.notify).toEqual(["s1"]);
    expect(f.requests.records.get(GUILD, sent.id)?.state).toBe("pending");
  });

  it("exportFor gives their requests and blocks, without others' feedback or blocks of them", async () => {
    const data = f.requests.privacy.exportFor(GUILD, "u");
    expect(data.requestsSent).toEqual([sent]);
    expect(data.requestsReceived.map((r) => r.id).sort()).toEqual([received.id, old.id].sort());
    expect(data.requestsReceived.some((r) => "feedback" in r)).toBe(false);
    expect(f.requests.records.get(GUILD, old.id)?.feedback?.rating).toBe(2);
    expect(data.blocksMade).toEqual([{ seekerId: "s3", seekerName: null, createdAt: f.clock.now }]);
    // Quoted: a random request id may hold the letters s4.
    expect(JSON.stringify(data)).not.toContain(`"s4"`);
  });

  it("the seeker's own export includes the feedback they gave", () => {
    expect(f.requests.privacy.exportFor(GUILD, "s2").requestsSent[0]?.feedback).toEqual({
      rating: 2,
      at: f.clock.now,
    });
  });

  it("deleteAllFor removes their requests on both sides and blocks by or of them, from memory and store", async () => {
    // Only their own block is counted: the other would tell them they were blocked.
    expect(await f.requests.privacy.deleteAllFor(GUILD, "u")).toEqual({ requests: 3, blocks: 1 });
    await settle();
    for (const request of [sent, received, old]) {
      expect(f.requests.records.get(GUILD, request.id)).toBeUndefined();
      expect(await f.store.get(guildKey(GUILD, "request", request.id))).toBeUndefined();
      expect(await f.timers.get(requestExpiryKey(GUILD, request.id))).toBeUndefined();
      expect(await f.timers.get(meetingNudgeKey(GUILD, request.id))).toBeUndefined();
    }
    expect(f.requests.blocks.isBlocked(GUILD, "u", "s3")).toBe(false);
    expect(f.requests.blocks.isBlocked(GUILD, "m9", "u")).toBe(false);
    // m9's block of them is kept under a one-way code: it still refuses them.
    expect(f.requests.demand.isExcluded(GUILD, "u", "m9", f.clock.now)).toBe(true);
    // So is the wait before they may ask m1 again, from the day they asked, and no longer.
    expect(f.requests.demand.isExcluded(GUILD, "u", "m1", f.clock.now)).toBe(true);
    const days = f.settings.get(GUILD).sameMentorCooldownDays;
    expect(f.requests.demand.isExcluded(GUILD, "u", "m1", sent.createdAt + days * DAY_MS)).toBe(false);
    expect(f.requests.demand.isExcluded(GUILD, "u", "m2", f.clock.now)).toBe(false);
    expect(f.requests.privacy.exportFor(GUILD, "m9").keptToProtectYou.blocksOfDeletedAccounts).toHaveLength(
      1,
    );
    expect(f.requests.privacy.exportFor(GUILD, "u")).toEqual({
      guildId: GUILD,
      userId: "u",
      requestsSent: [],
      requestsReceived: [],
      blocksMade: [],
      keptToProtectYou: { blocksOfDeletedAccounts: [], waitsOfDeletedAccounts: [] },
      reportsMade: [],
      askingStopped: null,
      keptAfterDeletion: KEPT_AFTER_DELETION,
      notShown: NOT_SHOWN,
    });
    // Everyone else's data stays.
    expect(f.requests.records.get(GUILD, others.id)).toEqual(others);
    expect(f.requests.blocks.isBlocked(GUILD, "m1", "s4")).toBe(true);
    await f.requests.load();
    expect(f.requests.privacy.exportFor(GUILD, "u").requestsSent).toEqual([]);
    expect(f.requests.blocks.isBlocked(GUILD, "m9", "u")).toBe(false);
    expect(f.requests.demand.isExcluded(GUILD, "u", "m9", f.clock.now)).toBe(true);
    expect(f.requests.blocks.isBlocked(GUILD, "m1", "s4")).toBe(true);
  });

  it("deleteAllFor also forgets their run of expired requests", async () => {
    await f.settings.update(GUILD, { autoPauseAfterExpiries: 2 });
    await f.requests.lifecycle.expire(GUILD, (await ask("s5", "u")).id);
    await f.requests.privacy.deleteAllFor(GUILD, "u");
    expect((await f.requests.lifecycle.expire(GUILD, (await ask("s6", "u")).id)).shouldPause).toBe(false);
  });
});

describe("stats", () => {
  it("counts the guild's requests by state", async () => {
    const a = await ask("s1", "m");
    await ask("s2", "m");
    await f.requests.lifecycle.decline(GUILD, a.id, "m");
    expect(f.requests.queries.stats(GUILD)).toMatchObject({ pending: 1, declined: 1, accepted: 0 });
    expect(f.requests.queries.stats("other-guild").pending).toBe(0);
  });
});
