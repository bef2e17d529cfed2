import { loadConfig } from "../../src/config.js";
import { FollowThrough } from "../../src/domain/meetings/follow-through.js";
import type { ConfirmedTime } from "../../src/domain/requests/meeting.js";
import type { InterviewRequest } from "../../src/domain/requests/request.js";
import { DAY, type Fixture, fixture, GUILD, requestInput, TERMS } from "../requests/helpers.js";

export const HOUR = 3_600_000;
export const LEADS = [24 * HOUR, HOUR];
export const CHECK_MS = 2 * HOUR;
export const NUDGE_MS = 3 * DAY;
export const CLOSE_MS = 14 * DAY;

export interface MeetingFixture extends Fixture {
  followThrough: FollowThrough;
}

/** The requests fixture with the meetings feature on the same store, scheduler and clock. */
export async function meetingFixture(): Promise<MeetingFixture> {
  const f = await fixture();
  const followThrough = new FollowThrough({
    store: f.store,
    records: f.requests.records,
    settings: f.settings,
    timers: f.timers,
    clock: () => f.clock.now,
    durations: {
      remindersMs: LEADS,
      attendanceCheckMs: CHECK_MS,
      firstContactNudgeMs: NUDGE_MS,
      unscheduledCloseMs: CLOSE_MS,
      noShowWindowMs: loadConfig({}).noShowWindowMs,
      noShowStopMs: loadConfig({}).noShowStopMs,
    },
  });
  return { ...f, followThrough };
}

/** A request from `seeker` that `mentor` accepted. */
export async function accepted(f: Fixture, seeker: string, mentor: string): Promise<InterviewRequest> {
  const request = await f.requests.lifecycle.create(requestInput(seeker, mentor), TERMS);
  return (await f.requests.lifecycle.accept(GUILD, request.id, mentor)).request;
}

/**
 * Stands in for the scheduling side: saves a confirmed time (round one more than the last) through
 * the store, then tells the follow-through, as the confirm path does.
 */
export async function confirmTime(f: MeetingFixture, request: InterviewRequest, startsAt: number) {
  const saved = await f.requests.records.update(GUILD, request.id, (current) => {
    if (!current) return current;
    const round = (current.meeting?.confirmed?.round ?? 0) + 1;
    const confirmed: ConfirmedTime = { startsAt, confirmedAt: f.clock.now, round };
    return { ...current, meeting: { minutes: 30, ...current.meeting, confirmed } };
  });
  if (!saved) throw new Error("the request is gone");
  await f.followThrough.confirmed(saved);
  return f.requests.records.require(GUILD, request.id);
}
