import { describe, expect, it } from "vitest";
import { FollowThrough } from "../../src/domain/meetings/follow-through.js";
import { meetingTimerHandlers } from "../../src/domain/meetings/follow-through-timers.js";
import type { ExpireResult } from "../../src/domain/requests/lifecycle.js";
import { RequestRefused } from "../../src/domain/requests/refusal.js";
import type { InterviewRequest } from "../../src/domain/requests/request.js";
import { createRequests } from "../../src/domain/requests/requests.js";
import { requestTimerHandlers } from "../../src/domain/requests/timers.js";
import { SettingsService } from "../../src/domain/settings/service.js";
import { TimerScheduler } from "../../src/domain/timers/scheduler.js";
import { createStore, guildKey } from "../../src/store/store.js";
import { describeEachBackend } from "../support/stores.js";
import { DAY, type Fixture, fixture, GUILD, recordingLogger, requestInput, sleep, TERMS } from "./helpers.js";

/** Everything the indexes answer for these users, to compare before and after a restart. */
function snapshot(f: Fixture, users: string[], mentors: string[]) {
  return {
    stats: f.requests.queries.stats(GUILD),
    perUser: users.map((user) => ({
      list: f.requests.queries.listFor(GUILD, user),
      data: f.requests.privacy.exportFor(GUILD, user),
      excluded: mentors.map((mentor) => f.requests.demand.isExcluded(GUILD, user, mentor, f.clock.now)),
    })),
    perMentor: mentors.map((mentor) => ({
      active: f.requests.demand.activeThisMonth(GUILD, mentor, f.clock.now),
      asked: f.requests.demand.askedSince(GUILD, mentor, 0),
    })),
  };
}

describeEachBackend("requests in a store", (backend) => {
  describe("after a restart", () => {
    it("the indexes built from the store equal the ones kept while running", async () => {
      const url = backend.freshUrl();
      const before = await fixture(url);
      const seekers = ["s1", "s2", "s3", "s4"];
      const mentors = ["m1", "m2", "m3"];
      const created: InterviewRequest[] = [];
      for (const seeker of seekers) {
        for (const mentor of mentors.slice(0, 3))
          created.push(await before.requests.lifecycle.create(requestInput(seeker, mentor), TERMS));
        before.clock.now += DAY;
      }
      const [a, b, c, d] = created;
      if (!a || !b || !c || !d) throw new Error("setup");
      await before.requests.lifecycle.accept(GUILD, a.id, "m1");
      await before.requests.lifecycle.markMet(GUILD, a.id, "s1");
      await before.requests.lifecycle.recordFeedback(GUILD, a.id, "s1", 5);
      await before.requests.lifecycle.decline(GUILD, b.id, "m2", "Away until June");
      await before.requests.lifecycle.cancel(GUILD, c.id, "s1");
      await before.requests.lifecycle.expire(GUILD, d.id);
      await before.requests.blocks.block(GUILD, "m3", "s4");
      await before.requests.lifecycle.recordDelivery(GUILD, a.id, { via: "thread", threadId: "777" });
      const expected = snapshot(before, seekers, mentors);
      const requestsBefore = created.map((request) => before.requests.records.get(GUILD, request.id));
      await before.store.close();

      const after = await fixture(url, before.clock.now);
      expect(snapshot(after, seekers, mentors)).toEqual(expected);
      expect(created.map((request) => after.requests.records.get(GUILD, request.id))).toEqual(requestsBefore);
      expect(after.requests.blocks.isBlocked(GUILD, "m3", "s4")).toBe(true);
      await after.store.close();
    });
  });

  describe("concurrency", () => {
    it("of 50 simultaneous requests to a librarian with capacity 10, exactly 10 succeed and are saved", async () => {
      const url = backend.freshUrl();
      const f = await fixture(url);
      const results = await Promise.allSettled(
        Array.from({ length: 50 }, (_, i) =>
          f.requests.lifecycle.create(requestInput(`seeker-${i}`, "m"), TERMS),
        ),
      );
      const succeeded = results.filter((result) => result.status === "fulfilled");
      const refused = results.filter((result) => result.status === "rejected");
      expect(succeeded).toHaveLength(10);
      expect(
        refused.every(
          (result) => result.reason instanceof RequestRefused && result.reason.limit.kind === "at-capacity",
        ),
      ).toBe(true);
      expect(f.requests.demand.activeThisMonth(GUILD, "m", f.clock.now)).toBe(10);
      await f.store.close();

      const store = await createStore({ url });
      let saved = 0;
      for await (const _ of store.entries(guildKey(GUILD, "request"))) saved++;
      expect(saved).toBe(10);
      await store.close();
    });

    it("simultaneous requests from one seeker stop at their pending limit", async () => {
      const f = await fixture();
      const results = await Promise.allSettled(
        Array.from({ length: 8 }, (_, i) => f.requests.lifecycle.create(requestInput("s", `m${i}`), TERMS)),
      );
      expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(3);
      await f.store.close();
    });
  });

  describe("request timers end to end", () => {
    async function boot(url: string, expiryMs: number) {
      const store = await createStore({ url });
      const logger = recordingLogger();
      const settings = new SettingsService(store);
      await settings.load();
      const timers = new TimerScheduler(store, { logger, retryBaseMs: 20 });
      const requests = createRequests({
        store,
        settings,
        timers,
        logger,
        requestExpiryMs: expiryMs,
        firstContactNudgeMs: 60,
        unscheduledCloseMs: 60_000,
      });
      await requests.load();
      const expired: [InterviewRequest, ExpireResult][] = [];
      const followUps: InterviewRequest[] = [];
      const callbacks = {
        expired: async (request: InterviewRequest, result: ExpireResult) => {
          expired.push([request, result]);
        },
      };
      const followThrough = new FollowThrough({
        store,
        records: requests.records,
        settings,
        timers,
        clock: Date.now,
        durations: {
          remindersMs: [],
          attendanceCheckMs: 60_000,
          firstContactNudgeMs: 60,
          unscheduledCloseMs: 60_000,
          noShowWindowMs: 90 * 86_400_000,
          noShowStopMs: 30 * 86_400_000,
        },
      });
      const nudges = {
        remind: async () => {},
        askAttendance: async () => {},
        nudge: async (request: InterviewRequest) => {
          followUps.push(request);
        },
        closed: async () => {},
      };
      await timers.start({
        ...requestTimerHandlers(requests.lifecycle, callbacks, logger),
        ...meetingTimerHandlers(followThrough, requests.lifecycle, nudges, logger),
      });
      const close = async () => {
        await timers.stop();
        await store.close();
      };
      return { requests, timers, expired, followUps, logger, close };
    }

    it("expires an unanswered request once, and nudges an accepted one with no time agreed once", async () => {
      const bot = await boot(backend.freshUrl(), 80);
      const unanswered = await bot.requests.lifecycle.create(requestInput("s", "m1"), TERMS);
      const answered = await bot.requests.lifecycle.create(requestInput("s", "m2"), TERMS);
      await bot.requests.lifecycle.accept(GUILD, answered.id, "m2");
      await sleep(250);
      expect(bot.expired.map(([request]) => [request.id, request.state])).toEqual([
        [unanswered.id, "expired"],
      ]);
      expect(bot.followUps.map((request) => request.id)).toEqual([answered.id]);
      expect(bot.requests.records.get(GUILD, answered.id)?.meeting?.nudgedAt).toEqual(expect.any(Number));
      expect(bot.requests.records.get(GUILD, answered.id)?.state).toBe("accepted");
      expect(bot.logger.errors).toEqual([]);
      await bot.close();
    });

    it("expires a request that fell due while the bot was down, after the restart", async () => {
      const url = backend.freshUrl();
      const first = await boot(url, 100);
      const request = await first.requests.lifecycle.create(requestInput("s", "m"), TERMS);
      await first.close();
      await sleep(150);
      const second = await boot(url, 100);
      await expect
        .poll(() => second.expired.map(([expired]) => expired.id), { timeout: 5_000 })
        .toEqual([request.id]);
      expect(second.requests.records.get(GUILD, request.id)?.state).toBe("expired");
      await second.close();
      const third = await boot(url, 100);
      await sleep(50);
      expect(third.expired).toEqual([]);
      await third.close();
    });
  });
});
