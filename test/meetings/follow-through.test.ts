import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { meetingTimerHandlers } from "../../src/domain/meetings/follow-through-timers.js";
import {
  meetingAttendanceKey,
  meetingCloseKey,
  meetingNudgeKey,
  meetingReminderKey,
  TIMER_KINDS,
} from "../../src/domain/timers/kinds.js";
import { GUILD } from "../requests/helpers.js";
import {
  accepted,
  CHECK_MS,
  CLOSE_MS,
  confirmTime,
  HOUR,
  type MeetingFixture,
  meetingFixture,
  NUDGE_MS,
} from "./follow-through-helpers.js";

let f: MeetingFixture;
beforeEach(async () => {
  f = await meetingFixture();
});
afterEach(() => f.store.close());

describe("a confirmed time", () => {
  it("gets one reminder timer per lead and the attendance check, keyed by request and round", async () => {
    const request = await accepted(f, "s", "m");
    const startsAt = f.clock.now + 3 * 24 * HOUR;
    await confirmTime(f, request, startsAt);
    expect(await f.timers.get(meetingReminderKey(GUILD, request.id, 1, 24 * HOUR))).toMatchObject({
      kind: TIMER_KINDS.meetingReminder,
      dueAt: startsAt - 24 * HOUR,
      payload: { guildId: GUILD, requestId: request.id, round: 1, leadMs: 24 * HOUR },
    });
    expect((await f.timers.get(meetingReminderKey(GUILD, request.id, 1, HOUR)))?.dueAt).toBe(startsAt - HOUR);
    expect(await f.timers.get(meetingAttendanceKey(GUILD, request.id, 1))).toMatchObject({
      kind: TIMER_KINDS.meetingAttendance,
      dueAt: startsAt + CHECK_MS,
    });
  });

  it("skips a lead that had already passed when the time was agreed", async () => {
    const request = await accepted(f, "s", "m");
    await confirmTime(f, request, f.clock.now + 5 * HOUR);
    expect(await f.timers.get(meetingReminderKey(GUILD, request.id, 1, 24 * HOUR))).toBeUndefined();
    expect(await f.timers.get(meetingReminderKey(GUILD, request.id, 1, HOUR))).toBeDefined();
    expect(f.followThrough.reminderDue(GUILD, request.id, 1, 24 * HOUR)).toBeUndefined();
  });

  it("hands out each reminder until it is marked sent, and never a longer lead after a shorter one", async () => {
    const request = await accepted(f, "s", "m");
    const startsAt = f.clock.now + 3 * 24 * HOUR;
    await confirmTime(f, request, startsAt);
    const { followThrough } = f;
    f.clock.now = startsAt - 24 * HOUR;
    // Not marked yet (killed before saving): still due, so a rerun sends it again under the same nonce.
    expect(followThrough.reminderDue(GUILD, request.id, 1, 24 * HOUR)?.id).toBe(request.id);
    await followThrough.markReminded(GUILD, request.id, 1, 24 * HOUR);
    await followThrough.markReminded(GUILD, request.id, 1, 24 * HOUR);
    expect(f.requests.records.get(GUILD, request.id)?.meeting?.remindersSent).toEqual([24 * HOUR]);
    expect(followThrough.reminderDue(GUILD, request.id, 1, 24 * HOUR)).toBeUndefined();
    f.clock.now = startsAt - HOUR;
    expect(followThrough.reminderDue(GUILD, request.id, 1, HOUR)?.id).toBe(request.id);
    await followThrough.markReminded(GUILD, request.id, 1, HOUR);
    expect(followThrough.reminderDue(GUILD, request.id, 1, 24 * HOUR)).toBeUndefined();
    // None once the start has passed.
    const other = await accepted(f, "s2", "m");
    await confirmTime(f, other, f.clock.now + 30 * HOUR);
    f.clock.now += 31 * HOUR;
    expect(followThrough.reminderDue(GUILD, other.id, 1, HOUR)).toBeUndefined();
  });

  it("makes the timers of an earlier round do nothing after a new time, which starts fresh", async () => {
    const request = await accepted(f, "s", "m");
    await confirmTime(f, request, f.clock.now + 3 * 24 * HOUR);
    await f.followThrough.markReminded(GUILD, request.id, 1, 24 * HOUR);
    const second = await confirmTime(f, request, f.clock.now + 5 * 24 * HOUR);
    expect(second.meeting?.confirmed?.round).toBe(2);
    expect(second.meeting?.remindersSent).toBeUndefined();
    const { followThrough } = f;
    expect(followThrough.reminderDue(GUILD, request.id, 1, HOUR)).toBeUndefined();
    expect(followThrough.attendanceDue(GUILD, request.id, 1)).toBeUndefined();
    expect(followThrough.reminderDue(GUILD, request.id, 2, 24 * HOUR)).toBeDefined();
    expect(followThrough.attendanceDue(GUILD, request.id, 2)).toBeDefined();
  });

  it("drops its timers when cancelled, and they would find nothing to do anyway", async () => {
    const request = await accepted(f, "s", "m");
    const saved = await confirmTime(f, request, f.clock.now + 3 * 24 * HOUR);
    const cancelled = await f.requests.records.update(GUILD, request.id, (current) =>
      current?.meeting
        ? {
            ...current,
            meeting: { ...current.meeting, cancelled: { by: "s", at: f.clock.now, late: false } },
          }
        : current,
    );
    await f.followThrough.cancelled(cancelled ?? saved);
    expect(await f.timers.get(meetingReminderKey(GUILD, request.id, 1, HOUR))).toBeUndefined();
    expect(await f.timers.get(meetingAttendanceKey(GUILD, request.id, 1))).toBeUndefined();
    expect(f.followThrough.reminderDue(GUILD, request.id, 1, HOUR)).toBeUndefined();
    // With the agreement cancelled, the pair may be nudged again about a time.
    expect(f.followThrough.nudgeDue(GUILD, request.id)?.id).toBe(request.id);
  });

  it("asks whether it happened only while nobody has answered", async () => {
    const request = await accepted(f, "s", "m");
    await confirmTime(f, request, f.clock.now + HOUR);
    f.clock.now += HOUR + CHECK_MS;
    expect(f.followThrough.attendanceDue(GUILD, request.id, 1)?.id).toBe(request.id);
    await f.followThrough.attendance.answer(GUILD, request.id, "m", 1, "no-show");
    expect(f.followThrough.attendanceDue(GUILD, request.id, 1)).toBeUndefined();
  });
});

describe("no time agreed", () => {
  it("nudges once, and not when a time is agreed", async () => {
    const request = await accepted(f, "s", "m");
    const { followThrough } = f;
    expect(followThrough.nudgeDue(GUILD, request.id)?.id).toBe(request.id);
    await Promise.all([
      followThrough.markNudged(GUILD, request.id),
      followThrough.markNudged(GUILD, request.id),
    ]);
    expect(f.requests.records.get(GUILD, request.id)?.meeting).toEqual({
      minutes: 30,
      nudgedAt: f.clock.now,
    });
    expect(followThrough.nudgeDue(GUILD, request.id)).toBeUndefined();
    const agreed = await accepted(f, "s2", "m");
    await confirmTime(f, agreed, f.clock.now + 4 * HOUR);
    expect(followThrough.nudgeDue(GUILD, agreed.id)).toBeUndefined();
  });

  it("sets any missing timers at start-up, keeping the ones saved and not asking again after the check", async () => {
    const waiting = await accepted(f, "s", "m");
    const agreed = await accepted(f, "s2", "m");
    await confirmTime(f, agreed, f.clock.now + 2 * HOUR);
    // As if a crash lost them: a legacy request, and a time saved but never handed to the follow-through.
    await f.timers.cancel(meetingNudgeKey(GUILD, waiting.id));
    await f.timers.cancel(meetingCloseKey(GUILD, waiting.id));
    await f.timers.cancel(meetingReminderKey(GUILD, agreed.id, 1, HOUR));
    await f.timers.cancel(meetingAttendanceKey(GUILD, agreed.id, 1));
    await f.followThrough.reconcile(f.requests.queries.accepted());
    expect((await f.timers.get(meetingNudgeKey(GUILD, waiting.id)))?.dueAt).toBe(
      (waiting.decidedAt ?? 0) + NUDGE_MS,
    );
    expect((await f.timers.get(meetingCloseKey(GUILD, waiting.id)))?.dueAt).toBe(
      (waiting.decidedAt ?? 0) + CLOSE_MS,
    );
    expect(await f.timers.get(meetingReminderKey(GUILD, agreed.id, 1, HOUR))).toBeDefined();
    expect(await f.timers.get(meetingAttendanceKey(GUILD, agreed.id, 1))).toBeDefined();

    await f.timers.cancel(meetingAttendanceKey(GUILD, agreed.id, 1));
    f.clock.now += 5 * HOUR;
    await f.followThrough.reconcile(f.requests.queries.accepted());
    expect(await f.timers.get(meetingAttendanceKey(GUILD, agreed.id, 1))).toBeUndefined();
  });
});

describe("the meeting timer handlers", () => {
  function handlers() {
    const calls: string[] = [];
    const record = (what: string) => async (request: { id: string }) => {
      calls.push(`${what} ${request.id}`);
    };
    const all = meetingTimerHandlers(
      f.followThrough,
      f.requests.lifecycle,
      {
        remind: async (request, leadMs) => {
          calls.push(`remind ${request.id} ${leadMs}`);
        },
        askAttendance: record("ask"),
        nudge: record("nudge"),
        closed: record("closed"),
      },
      f.logger,
    );
    const run = (kind: string, payload: unknown) =>
      all[kind]?.({ key: `${kind}/test`, kind, dueAt: f.clock.now, payload, attempts: 0, version: "v" });
    return { calls, run };
  }

  it("runs a follow-up timer saved by an earlier version as the nudge, and sets the close it lacked", async () => {
    const request = await accepted(f, "s", "m");
    await f.timers.cancel(meetingCloseKey(GUILD, request.id));
    const { calls, run } = handlers();
    const payload = { guildId: GUILD, requestId: request.id };
    await run(TIMER_KINDS.requestFollowUp, payload);
    await run(TIMER_KINDS.requestFollowUp, payload);
    expect(calls).toEqual([`nudge ${request.id}`]);
    expect((await f.timers.get(meetingCloseKey(GUILD, request.id)))?.dueAt).toBe(
      (request.decidedAt ?? 0) + CLOSE_MS,
    );
  });

  it("closes once, reminds only for the live round, and drops a malformed payload with a log line", async () => {
    const waiting = await accepted(f, "s", "m");
    const agreed = await accepted(f, "s2", "m");
    const startsAt = f.clock.now + 3 * 24 * HOUR;
    await confirmTime(f, agreed, startsAt);
    const { calls, run } = handlers();
    await run(TIMER_KINDS.meetingClose, { guildId: GUILD, requestId: waiting.id });
    await run(TIMER_KINDS.meetingClose, { guildId: GUILD, requestId: waiting.id });
    await run(TIMER_KINDS.meetingClose, { guildId: GUILD, requestId: agreed.id });
    f.clock.now = startsAt - HOUR;
    await run(TIMER_KINDS.meetingReminder, { guildId: GUILD, requestId: agreed.id, round: 2, leadMs: HOUR });
    await run(TIMER_KINDS.meetingReminder, { guildId: GUILD, requestId: agreed.id, round: 1, leadMs: HOUR });
    await run(TIMER_KINDS.meetingReminder, { guildId: GUILD, requestId: agreed.id, round: 1, leadMs: HOUR });
    await run(TIMER_KINDS.meetingAttendance, { guildId: GUILD, requestId: agreed.id });
    expect(calls).toEqual([`closed ${waiting.id}`, `remind ${agreed.id} ${HOUR}`]);
    expect(f.requests.records.get(GUILD, waiting.id)?.state).toBe("not-held");
    expect(f.requests.records.get(GUILD, agreed.id)?.state).toBe("accepted");
    expect(f.logger.errors.map((error) => error.msg)).toEqual([
      "meeting timer with a malformed payload dropped",
    ]);
  });
});
