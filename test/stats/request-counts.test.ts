import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createRequests, type Requests } from "../../src/domain/requests/requests.js";
import { SettingsService } from "../../src/domain/settings/service.js";
import { StatsService } from "../../src/domain/stats/index.js";
import { HOUR_MS } from "../../src/domain/time.js";
import { createStore, type Store } from "../../src/store/store.js";
import {
  CLOSE_MS,
  DAY,
  EXPIRY_MS,
  GUILD,
  NUDGE_MS,
  recordingLogger,
  requestInput,
  TERMS,
} from "../requests/helpers.js";

let store: Store;
let requests: Requests;
let stats: StatsService;
let logger: ReturnType<typeof recordingLogger>;
const clock = { now: 0 };
const START = Date.UTC(2026, 11, 1, 9);

beforeEach(async () => {
  clock.now = START;
  store = await createStore({ url: "memory://" });
  logger = recordingLogger();
  const settings = new SettingsService(store);
  await settings.load();
  stats = new StatsService(store, { logger, clock: () => clock.now });
  requests = createRequests({
    store,
    settings,
    logger,
    stats,
    requestExpiryMs: EXPIRY_MS,
    firstContactNudgeMs: NUDGE_MS,
    unscheduledCloseMs: CLOSE_MS,
    clock: () => clock.now,
  });
  await requests.load();
});
afterEach(async () => {
  await store.close();
});

const summary = (days = 30) => stats.summary(GUILD, days);

describe("requests counted as they change", () => {
  it("counts sent, accepted, met and rated once each, with the hours to answer and to meet", async () => {
    const request = await requests.lifecycle.create(requestInput("s1", "m1"), TERMS);
    clock.now += 3 * HOUR_MS;
    await requests.lifecycle.accept(GUILD, request.id, "m1");
    await requests.lifecycle.accept(GUILD, request.id, "m1");
    clock.now += 2 * DAY;
    await requests.lifecycle.markMet(GUILD, request.id, "s1");
    await requests.lifecycle.markMet(GUILD, request.id, "s1");
    await requests.lifecycle.recordFeedback(GUILD, request.id, "s1", 4);
    await requests.lifecycle.recordFeedback(GUILD, request.id, "s1", 4);
    expect(await summary()).toMatchObject({
      sent: 1,
      accepted: 1,
      met: 1,
      medianAnswerHours: 3,
      answers: 1,
      medianMeetHours: 48,
      meetings: 1,
      averageRating: 4,
      ratings: 1,
    });
    expect(logger.errors).toEqual([]);
  });

  it("corrects the average when a rating is changed, even days later, and ignores a change not confirmed", async () => {
    const request = await requests.lifecycle.create(requestInput("s1", "m1"), TERMS);
    await requests.lifecycle.accept(GUILD, request.id, "m1");
    await requests.lifecycle.markMet(GUILD, request.id, "s1");
    await requests.lifecycle.recordFeedback(GUILD, request.id, "s1", 2);
    clock.now += 3 * DAY;
    await requests.lifecycle.recordFeedback(GUILD, request.id, "s1", 5);
    expect(await summary()).toMatchObject({ averageRating: 2, ratings: 1 });
    await requests.lifecycle.recordFeedback(GUILD, request.id, "s1", 5, true);
    expect(await summary()).toMatchObject({ averageRating: 5, ratings: 1 });
    clock.now += DAY;
    await requests.lifecycle.recordFeedback(GUILD, request.id, "s1", 3, true);
    expect(await summary()).toMatchObject({ averageRating: 3, ratings: 1 });
    // The rating counts on the day of the meeting it rates.
    expect(await summary(1)).toMatchObject({ ratings: 0 });
  });

  it("counts declines with their answer time and expiries, and nothing for a cancel", async () => {
    const declined = await requests.lifecycle.create(requestInput("s1", "m1"), TERMS);
    const expiring = await requests.lifecycle.create(requestInput("s2", "m1"), TERMS);
    const cancelled = await requests.lifecycle.create(requestInput("s3", "m1"), TERMS);
    clock.now += 30 * 60_000;
    await requests.lifecycle.decline(GUILD, declined.id, "m1", "Too busy this month");
    await requests.lifecycle.cancel(GUILD, cancelled.id, "s3");
    clock.now = expiring.expiresAt;
    await requests.lifecycle.expire(GUILD, expiring.id);
    await requests.lifecycle.expire(GUILD, expiring.id);
    expect(await summary()).toMatchObject({
      sent: 3,
      accepted: 0,
      declined: 1,
      expired: 1,
      medianAnswerHours: 0.5,
      answers: 1,
    });
    // Sent on the first day, expired a week later: each counts on its own day.
    expect(await summary(1)).toMatchObject({ sent: 0, expired: 1 });
  });

  it("counts a change saved by any feature through the records, not only the lifecycle's", async () => {
    const request = await requests.lifecycle.create(requestInput("s1", "m1"), TERMS);
    await requests.lifecycle.accept(GUILD, request.id, "m1");
    clock.now += 5 * HOUR_MS;
    const markMet = (current: typeof request | undefined) =>
      current && { ...current, state: "met" as const, metAt: clock.now, closedAt: clock.now };
    await requests.records.update(GUILD, request.id, markMet);
    await requests.records.update(GUILD, request.id, (current) => current);
    expect(await summary()).toMatchObject({ sent: 1, accepted: 1, met: 1, medianMeetHours: 5 });
  });

  it("measures the time to meet up to the agreed start when a time was agreed", async () => {
    const request = await requests.lifecycle.create(requestInput("s1", "m1"), TERMS);
    await requests.lifecycle.accept(GUILD, request.id, "m1");
    const startsAt = clock.now + 30 * HOUR_MS;
    await requests.records.update(
      GUILD,
      request.id,
      (current) =>
        current && {
          ...current,
          meeting: { minutes: 30, confirmed: { startsAt, confirmedAt: clock.now, round: 1 } },
        },
    );
    clock.now = startsAt + 4 * DAY;
    await requests.lifecycle.markMet(GUILD, request.id, "s1");
    expect(await summary()).toMatchObject({ met: 1, medianMeetHours: 30 });
  });

  it("counts a time agreed once per request (not its reschedules) and a no-show when one is reported", async () => {
    const request = await requests.lifecycle.create(requestInput("s1", "m1"), TERMS);
    await requests.lifecycle.accept(GUILD, request.id, "m1");
    const agree = (round: number) =>
      requests.records.update(
        GUILD,
        request.id,
        (current) =>
          current && {
            ...current,
            meeting: { minutes: 30, confirmed: { startsAt: clock.now + DAY, confirmedAt: clock.now, round } },
          },
      );
    await agree(1);
    await requests.records.update(
      GUILD,
      request.id,
      (current) => current && { ...current, meeting: { minutes: 30 } },
    );
    await agree(2);
    expect(await summary()).toMatchObject({ scheduled: 1, noShows: 0 });
    clock.now += 2 * DAY; // after the agreed start, when "They didn't come" can be answered
    const reportNoShow = (current: typeof request | undefined) =>
      current && { ...current, effects: [...(current.effects ?? []), "record-no-show" as const] };
    await requests.records.update(GUILD, request.id, reportNoShow);
    // Settling the owed no-show (it leaves the list) is not a second one.
    await requests.records.update(GUILD, request.id, (current) => current && { ...current, effects: [] });
    expect(await summary()).toMatchObject({ scheduled: 1, noShows: 1 });
  });

  it("stores no user id in the counts", async () => {
    const request = await requests.lifecycle.create(requestInput("seeker-7261", "mentor-9154"), TERMS);
    await requests.lifecycle.accept(GUILD, request.id, "mentor-9154");
    await requests.lifecycle.markMet(GUILD, request.id, "seeker-7261");
    await requests.lifecycle.recordFeedback(GUILD, request.id, "seeker-7261", 5);
    const saved = [];
    for await (const [, value] of store.entries(`guild/${GUILD}/stats/`)) saved.push(JSON.stringify(value));
    expect(saved).toHaveLength(1);
    for (const secret of ["seeker-7261", "mentor-9154", "Seeker", request.id])
      expect(saved[0]).not.toContain(secret);
    expect(saved[0]).toContain('"ratings":1');
  });
});
