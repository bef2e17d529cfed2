import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { calendarFile } from "../../src/domain/meetings/calendar.js";
import { MeetingScheduler } from "../../src/domain/meetings/scheduler.js";
import { cancelMeeting, confirm, propose, reschedule } from "../../src/domain/meetings/transitions.js";
import { parseTypedTime } from "../../src/domain/meetings/typed-time.js";
import type { MeetingFollowThrough } from "../../src/domain/requests/follow-through.js";
import type { InterviewRequest } from "../../src/domain/requests/request.js";
import { guildKey } from "../../src/store/store.js";
import { fixture, requestInput, TERMS } from "../requests/helpers.js";

const HOUR = 3_600_000;
const NOW = Date.UTC(2027, 2, 8, 12);
const { lateCancelMs } = loadConfig({});

const accepted: InterviewRequest = {
  id: "req00001",
  guildId: "1",
  seekerId: "10",
  seekerName: "Sam",
  mentorId: "20",
  libraryType: "law",
  note: "n",
  format: "video",
  state: "accepted",
  createdAt: NOW - 2 * HOUR,
  expiresAt: NOW + 100 * HOUR,
  meeting: { minutes: 45 },
};

/** Applies a transition expected to change the request. */
function changed(result: ReturnType<typeof propose>): InterviewRequest {
  if (result.outcome !== "changed") throw new Error(`expected a change, got ${JSON.stringify(result)}`);
  return result.request;
}

const refusedMessage = (result: ReturnType<typeof propose>) =>
  result.outcome === "refused" ? result.message : result.outcome;

describe("typed times", () => {
  it("reads a date, a time and a zone as one instant, whatever the zone", () => {
    const berlin = parseTypedTime({ date: "2027-03-16", time: "20:00", timeZone: "Europe/Berlin" }, NOW);
    const chicago = parseTypedTime({ date: "2027-03-16", time: "14:00", timeZone: "america/chicago" }, NOW);
    expect(berlin.startsAt).toBe(Date.UTC(2027, 2, 16, 19));
    expect(chicago).toEqual({ startsAt: berlin.startsAt, timeZone: "America/Chicago" });
    expect(parseTypedTime({ date: "2027-03-16", time: "19:00", timeZone: "UTC" }, NOW).startsAt).toBe(
      berlin.startsAt,
    );
  });

  it("refuses the past, a skipped hour and what cannot be read, saying why", () => {
    const at =
      (date: string, time: string, timeZone = "UTC") =>
      () =>
        parseTypedTime({ date, time, timeZone }, NOW);
    expect(at("2027-03-08", "11:59")).toThrow("has already passed");
    expect(at("2027-03-14", "02:30", "America/Chicago")).toThrow("the clocks skip that hour");
    expect(at("16/03/2027", "14:00")).toThrow('"16/03/2027" is not a date like 2027-03-15');
    expect(at("2027-03-16", "2pm")).toThrow('"2pm" is not a time like 14:30');
    expect(at("2027-03-16", "14:00", "Mars/Olympus")).toThrow('"Mars/Olympus" is not a time zone');
    expect(at("2029-03-16", "14:00")).toThrow("more than a year away");
  });
});

describe("agreeing a time", () => {
  const slot = { startsAt: Date.UTC(2027, 2, 16, 19), timeZone: "America/Chicago" };

  it("confirms a proposal by the other person only, as round 1", () => {
    const proposed = changed(propose(accepted, "10", slot, NOW));
    expect(proposed.meeting?.proposal).toMatchObject({ startsAt: slot.startsAt, by: "10" });
    expect(proposed.effects).toEqual(["meeting-proposed"]);
    expect(refusedMessage(confirm(proposed, "10", slot.startsAt, NOW))).toMatch(/the other person confirms/);
    expect(refusedMessage(confirm(proposed, "99", slot.startsAt, NOW))).toBe(
      "Only the two people in this interview can do that.",
    );
    expect(refusedMessage(confirm(proposed, "20", slot.startsAt + HOUR, NOW))).toMatch(
      /no longer the one put forward/,
    );
    const done = changed(confirm(proposed, "20", slot.startsAt, NOW + 1));
    expect(done.meeting).toEqual({
      minutes: 45,
      confirmed: { startsAt: slot.startsAt, confirmedAt: NOW + 1, round: 1 },
    });
    expect(done.effects).toEqual(["meeting-proposed", "meeting-confirmed"]);
    expect(confirm(done, "20", slot.startsAt, NOW + 2).outcome).toBe("unchanged");
    expect(refusedMessage(propose(done, "10", { ...slot, startsAt: slot.startsAt + HOUR }, NOW))).toMatch(
      /Reschedule/,
    );
  });

  it("reopens after a reschedule, and the next confirmation is round 2", () => {
    const done = changed(confirm(changed(propose(accepted, "10", slot, NOW)), "20", slot.startsAt, NOW));
    const moved = changed(reschedule(done, "20", "  a meeting   came up ", NOW + HOUR));
    expect(moved.meeting?.confirmed).toBeUndefined();
    expect(moved.meeting?.rescheduled).toEqual({
      by: "20",
      at: NOW + HOUR,
      round: 1,
      reason: "a meeting came up",
    });
    expect(reschedule(moved, "20", undefined, NOW + HOUR).outcome).toBe("unchanged");
    const later = slot.startsAt + 24 * HOUR;
    const again = changed(
      confirm(changed(propose(moved, "20", { ...slot, startsAt: later }, NOW)), "10", later, NOW),
    );
    expect(again.meeting?.confirmed).toMatchObject({ startsAt: later, round: 2 });
  });

  it("cancels for either person, late within 3 hours of the start, and closes the request", () => {
    const done = changed(confirm(changed(propose(accepted, "10", slot, NOW)), "20", slot.startsAt, NOW));
    const early = changed(cancelMeeting(done, "10", "", slot.startsAt - 3 * HOUR - 1, lateCancelMs));
    expect(early.state).toBe("cancelled");
    expect(early.meeting?.cancelled).toEqual({ by: "10", at: slot.startsAt - 3 * HOUR - 1, late: false });
    const late = changed(cancelMeeting(done, "20", "sick", slot.startsAt - 2 * HOUR, lateCancelMs));
    expect(late.meeting?.cancelled).toMatchObject({ by: "20", late: true, reason: "sick" });
    expect(late.closedAt).toBe(slot.startsAt - 2 * HOUR);
    expect(cancelMeeting(late, "10", undefined, NOW, lateCancelMs).outcome).toBe("unchanged");
    expect(refusedMessage(cancelMeeting(done, "99", undefined, NOW, lateCancelMs))).toMatch(
      /Only the two people/,
    );
    expect(refusedMessage(propose({ ...accepted, state: "pending" }, "10", slot, NOW))).toMatch(
      /hasn't been accepted/,
    );
  });

  it("counts a cancel as late within LATE_CANCEL_WINDOW when it is changed", () => {
    const done = changed(confirm(changed(propose(accepted, "10", slot, NOW)), "20", slot.startsAt, NOW));
    const fourHoursBefore = slot.startsAt - 4 * HOUR;
    const longer = loadConfig({ LATE_CANCEL_WINDOW: "5h" }).lateCancelMs;
    expect(
      changed(cancelMeeting(done, "10", undefined, fourHoursBefore, longer)).meeting?.cancelled?.late,
    ).toBe(true);
    expect(
      changed(cancelMeeting(done, "10", undefined, fourHoursBefore, lateCancelMs)).meeting?.cancelled?.late,
    ).toBe(false);
  });
});

describe("the calendar file", () => {
  it("holds the UTC start, the length and the library type, and nobody's id", () => {
    const request: InterviewRequest = {
      ...accepted,
      seekerId: "112233445566778899",
      mentorId: "998877665544332211",
      meeting: {
        minutes: 45,
        confirmed: { startsAt: Date.UTC(2027, 2, 16, 19), confirmedAt: NOW, round: 2 },
      },
    };
    const { name, content } = calendarFile(request);
    expect(name).toBe("informational-interview.ics");
    expect(content).toContain("DTSTART:20270316T190000Z");
    expect(content).toContain("DURATION:PT45M");
    expect(content).toContain("SUMMARY:Informational interview (Law library)");
    expect(content).toContain("UID:req00001@reference-desk");
    expect(content).toContain("SEQUENCE:1");
    expect(content).not.toMatch(/@(?!reference-desk)|MAILTO|ORGANIZER|ATTENDEE/i);
    for (const id of [request.seekerId, request.mentorId, "Sam"]) expect(content).not.toContain(id);
  });
});

describe("the scheduler", () => {
  it("saves each step on the request's own record and tells the follow-through after confirm and cancel", async () => {
    const f = await fixture("memory://", NOW);
    const told: string[] = [];
    const followThrough: MeetingFollowThrough = {
      confirmed: async (request) => void told.push(`confirmed ${request.meeting?.confirmed?.round}`),
      cancelled: async (request) => void told.push(`cancelled ${request.meeting?.cancelled?.late}`),
    };
    const meetings = new MeetingScheduler({
      records: f.requests.records,
      clock: () => f.clock.now,
      followThrough,
      lateCancelMs,
    });
    const created = await f.requests.lifecycle.create(requestInput("10", "20", { minutes: "20" }), TERMS);
    expect(created.meeting).toEqual({ minutes: 20 });
    await f.requests.lifecycle.accept(created.guildId, created.id, "20");
    const startsAt = NOW + 48 * HOUR;
    const [a, b] = await Promise.all([
      meetings.propose(created.guildId, created.id, "10", { startsAt, timeZone: "UTC" }),
      meetings.propose(created.guildId, created.id, "10", { startsAt, timeZone: "UTC" }),
    ]);
    expect([a.changed, b.changed].sort()).toEqual([false, true]);
    await expect(meetings.confirm(created.guildId, created.id, "30", startsAt)).rejects.toThrow(
      "Only the two people",
    );
    await meetings.confirm(created.guildId, created.id, "20", startsAt);
    f.clock.now = startsAt - HOUR;
    const { request } = await meetings.cancel(created.guildId, created.id, "10");
    expect(request.state).toBe("cancelled");
    expect(told).toEqual(["confirmed 1", "cancelled true"]);
    const stored = await f.store.get<InterviewRequest>(guildKey(created.guildId, "request", created.id));
    expect(stored).toMatchObject({
      state: "cancelled",
      effects: expect.arrayContaining(["meeting-proposed", "meeting-confirmed", "meeting-cancelled"]),
    });
    await f.store.close();
  });
});
