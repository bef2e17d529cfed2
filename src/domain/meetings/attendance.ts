import { UserError } from "../errors.js";
import { type Attendance, agreedTime } from "../requests/meeting.js";
import { GONE } from "../requests/messages.js";
import type { RequestRecords } from "../requests/records.js";
import { type FollowThroughEffect, type InterviewRequest, owing } from "../requests/request.js";
import { transition } from "../requests/state.js";
import type { NoShowRole } from "./no-shows.js";

export const ATTENDANCE_ANSWERS = ["met", "no-show", "moved"] as const satisfies readonly Attendance[];

export const isAttendance = (value: unknown): value is Attendance =>
  ATTENDANCE_ANSWERS.includes(value as Attendance);

export interface AttendanceResult {
  readonly request: InterviewRequest;
  /** False when this person had answered before: `answer` is then their first answer, which stands. */
  readonly recorded: boolean;
  readonly answer: Attendance;
  /** This answer moved the request to "met". */
  readonly becameMet: boolean;
  /** What this answer owes, already saved with it: carry them out, then settle. */
  readonly effects: readonly FollowThroughEffect[];
}

const NOT_THEIRS = "Only the two people in this interview can answer this.";
const STALE = "This question was about an earlier time for this interview, so it no longer applies.";

/** The other person of the interview. */
export const otherOf = (request: InterviewRequest, userId: string): string =>
  userId === request.seekerId ? request.mentorId : request.seekerId;

export const roleOf = (request: InterviewRequest, userId: string): NoShowRole =>
  userId === request.mentorId ? "librarian" : "seeker";

/**
 * Who a no-show is recorded against: for each person who said "They didn't come", the other, as
 * long as the other has not answered anything (an answer from them makes it a dispute instead).
 */
export function noShowsIn(request: InterviewRequest): { reporterId: string; absentId: string }[] {
  const answers = request.meeting?.attendance ?? {};
  return [request.seekerId, request.mentorId].flatMap((reporterId) => {
    const absentId = otherOf(request, reporterId);
    return answers[reporterId] === "no-show" && answers[absentId] === undefined
      ? [{ reporterId, absentId }]
      : [];
  });
}

/** The two answers disagree: one said the other didn't come, the other said they met or moved it. */
export function isDisputed(request: InterviewRequest): boolean {
  const answers = request.meeting?.attendance ?? {};
  const seeker = answers[request.seekerId];
  const mentor = answers[request.mentorId];
  return seeker !== undefined && mentor !== undefined && (seeker === "no-show" || mentor === "no-show");
}

/**
 * "Did it happen?", answered once by each of the two. A yes from either marks the interview as
 * met; "They didn't come" owes a no-show against the other (or a dispute, when the other answered
 * otherwise); "We moved it" clears the agreed time so they can agree a new one.
 */
export class MeetingAttendance {
  readonly #records: RequestRecords;
  readonly #clock: () => number;

  constructor(records: RequestRecords, clock: () => number) {
    this.#records = records;
    this.#clock = clock;
  }

  async answer(
    guildId: string,
    id: string,
    userId: string,
    round: number,
    answer: Attendance,
  ): Promise<AttendanceResult> {
    let result: Omit<AttendanceResult, "request"> | undefined;
    const saved = await this.#records.update(guildId, id, (current) => {
      if (!current) throw new UserError(GONE);
      if (userId !== current.seekerId && userId !== current.mentorId) throw new UserError(NOT_THEIRS);
      const meeting = current.meeting;
      const earlier = meeting?.attendance?.[userId];
      if (earlier !== undefined) {
        result = { recorded: false, answer: earlier, becameMet: false, effects: [] };
        return current;
      }
      if (!meeting || meeting.confirmed?.round !== round) throw new UserError(STALE);
      if (current.state !== "accepted" && current.state !== "met") throw new UserError(STALE);
      if (current.state === "met" && answer === "moved")
        throw new UserError("The other person already said you met, so it can't be moved now.");
      const agreed = agreedTime(meeting);
      if (current.state === "accepted" && !agreed) throw new UserError(STALE);
      // A question left from an earlier time must not answer for a new one still ahead.
      if (agreed && agreed.startsAt > this.#clock())
        throw new UserError("Your interview hasn't happened yet, so there's nothing to answer for now.");
      const otherAnswer = meeting.attendance?.[otherOf(current, userId)];
      const effects: FollowThroughEffect[] = [];
      let next: InterviewRequest = {
        ...current,
        meeting: { ...meeting, attendance: { ...meeting.attendance, [userId]: answer } },
      };
      let becameMet = false;
      if (answer === "met" && current.state === "accepted") {
        const moved = transition(next, { type: "attended", by: userId }, this.#clock());
        if (moved.outcome === "refused") throw new UserError(moved.message);
        next = moved.request;
        becameMet = true;
        // The seeker who said yes gets the template and rating in the answer itself.
        if (userId === current.mentorId) effects.push("prompt-thanks");
      }
      if (answer === "no-show" && otherAnswer === undefined) effects.push("record-no-show");
      if (answer === "moved" && next.meeting) {
        // Kept as a reschedule, so the next agreed time is a new round and old timers stay idle.
        const { confirmed, remindersSent: _sent, ...rest } = next.meeting;
        const rescheduled = confirmed && { by: userId, at: this.#clock(), round: confirmed.round };
        next = { ...next, meeting: { ...rest, ...(rescheduled ? { rescheduled } : {}) } };
      }
      if (otherAnswer !== undefined && (answer === "no-show" || otherAnswer === "no-show"))
        effects.push("post-dispute");
      for (const effect of effects) next = owing(next, effect);
      result = { recorded: true, answer, becameMet, effects };
      return next;
    });
    if (!saved || !result) throw new UserError(GONE);
    return { ...result, request: saved };
  }
}
