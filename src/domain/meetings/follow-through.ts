import type { Store } from "../../store/store.js";
import type { MeetingFollowThrough } from "../requests/follow-through.js";
import { agreedTime, DEFAULT_MEETING_MINUTES, type Meeting } from "../requests/meeting.js";
import type { RequestRecords, RequestTimers } from "../requests/records.js";
import type { InterviewRequest } from "../requests/request.js";
import type { SettingsService } from "../settings/index.js";
import {
  meetingAttendanceKey,
  meetingCloseKey,
  meetingNudgeKey,
  meetingReminderKey,
  TIMER_KINDS,
} from "../timers/kinds.js";
import { MeetingAttendance } from "./attendance.js";
import { NoShows } from "./no-shows.js";

/** The durations the follow-through goes by (all from the config). */
export interface MeetingDurations {
  /** MEETING_REMINDERS: leads before an agreed start, longest first. */
  readonly remindersMs: readonly number[];
  /** ATTENDANCE_CHECK: after the agreed start. */
  readonly attendanceCheckMs: number;
  /** FIRST_CONTACT_NUDGE: after Accept. */
  readonly firstContactNudgeMs: number;
  /** UNSCHEDULED_CLOSE: after Accept, or after "We moved it". */
  readonly unscheduledCloseMs: number;
  /** NO_SHOW_WINDOW: how far back no-shows count. */
  readonly noShowWindowMs: number;
  /** NO_SHOW_STOP: how long a seeker is stopped after too many no-shows. */
  readonly noShowStopMs: number;
}

export interface FollowThroughOptions {
  store: Store;
  records: RequestRecords;
  settings: Pick<SettingsService, "get">;
  timers: RequestTimers;
  durations: MeetingDurations;
  clock: () => number;
}

/** Whether `round` is the time both agreed on now, for an interview still to happen. */
export function isLiveRound(request: InterviewRequest, round: number): boolean {
  return request.state === "accepted" && agreedTime(request.meeting)?.round === round;
}

/** The meeting without what belongs to an earlier round: reminders sent and "did it happen?" answers. */
function freshRound(meeting: Meeting): Meeting {
  const { remindersSent: _sent, attendance: _answers, ...rest } = meeting;
  return rest;
}

/**
 * After Accept: reminders before an agreed time, the "did it happen?" check after it (with its
 * answers and the no-show ladder), and the nudge and close when none is agreed. Each timer's
 * handler checks the request again, so a timer for an earlier round or a request that moved on
 * does nothing.
 */
export class FollowThrough implements MeetingFollowThrough {
  /** "Did it happen?" and its answers. */
  readonly attendance: MeetingAttendance;
  /** The no-show ladder. */
  readonly noShows: NoShows;
  readonly #records: RequestRecords;
  readonly #timers: RequestTimers;
  readonly #durations: MeetingDurations;
  readonly #clock: () => number;

  constructor(options: FollowThroughOptions) {
    this.#records = options.records;
    this.#timers = options.timers;
    this.#durations = options.durations;
    this.#clock = options.clock;
    this.attendance = new MeetingAttendance(options.records, options.clock);
    this.noShows = new NoShows(options.store, options.settings, options.clock, {
      windowMs: options.durations.noShowWindowMs,
      stopMs: options.durations.noShowStopMs,
    });
  }

  request(guildId: string, id: string): InterviewRequest | undefined {
    return this.#records.get(guildId, id);
  }

  /**
   * Called right after a confirmed time was saved, before any of its reminders can be due: clears
   * what an earlier round left, then sets one timer per reminder lead still ahead and the check.
   */
  async confirmed(request: InterviewRequest): Promise<void> {
    const confirmed = agreedTime(request.meeting);
    if (!confirmed) return;
    await this.#records.update(request.guildId, request.id, (current) =>
      current?.meeting && agreedTime(current.meeting)?.round === confirmed.round
        ? { ...current, meeting: freshRound(current.meeting) }
        : current,
    );
    await this.#schedule(request, false);
  }

  /** The agreed interview was cancelled: its timers go (they would find nothing to do anyway). */
  async cancelled(request: InterviewRequest): Promise<void> {
    const round = request.meeting?.confirmed?.round;
    if (round === undefined) return;
    const { guildId, id } = request;
    for (const lead of this.#durations.remindersMs)
      await this.#timers.cancel(meetingReminderKey(guildId, id, round, lead));
    await this.#timers.cancel(meetingAttendanceKey(guildId, id, round));
  }

  /**
   * At start-up: makes sure every accepted interview has its timers, in case the bot stopped
   * between saving a change and setting them (or the request predates them). Timers still saved
   * are kept; the check is set again only while its time is ahead, so nobody is asked twice.
   */
  async reconcile(accepted: readonly InterviewRequest[]): Promise<void> {
    for (const request of accepted) {
      if (request.state !== "accepted") continue;
      if (agreedTime(request.meeting)) await this.#schedule(request, true);
      else {
        const acceptedAt = request.decidedAt ?? this.#clock();
        const payload = { guildId: request.guildId, requestId: request.id };
        if (request.meeting?.nudgedAt === undefined)
          await this.#timers.ensure(
            meetingNudgeKey(request.guildId, request.id),
            acceptedAt + this.#durations.firstContactNudgeMs,
            TIMER_KINDS.meetingNudge,
            payload,
          );
        await this.#timers.ensure(
          meetingCloseKey(request.guildId, request.id),
          acceptedAt + this.#durations.unscheduledCloseMs,
          TIMER_KINDS.meetingClose,
          payload,
        );
      }
    }
  }

  /** The request, if the reminder `leadMs` before its round `round` should go out now. */
  reminderDue(guildId: string, id: string, round: number, leadMs: number): InterviewRequest | undefined {
    const request = this.#records.get(guildId, id);
    if (!request || !isLiveRound(request, round)) return undefined;
    const confirmed = agreedTime(request.meeting);
    if (!confirmed || confirmed.startsAt - leadMs <= confirmed.confirmedAt) return undefined;
    if (confirmed.startsAt <= this.#clock()) return undefined;
    // A shorter lead already sent (the bot was down meanwhile) makes this one pointless.
    const sent = request.meeting?.remindersSent ?? [];
    return sent.some((each) => each <= leadMs) ? undefined : request;
  }

  /** The reminder went out: saved so it is not sent again. */
  async markReminded(guildId: string, id: string, round: number, leadMs: number): Promise<void> {
    await this.#records.update(guildId, id, (current) => {
      const meeting = current?.meeting;
      if (!current || !meeting || agreedTime(meeting)?.round !== round) return current;
      const sent = meeting.remindersSent ?? [];
      return sent.includes(leadMs)
        ? current
        : { ...current, meeting: { ...meeting, remindersSent: [...sent, leadMs] } };
    });
  }

  /** The request, if both should now be asked whether round `round` happened: nobody answered yet. */
  attendanceDue(guildId: string, id: string, round: number): InterviewRequest | undefined {
    const request = this.#records.get(guildId, id);
    if (!request || !isLiveRound(request, round)) return undefined;
    const answers = request.meeting?.attendance ?? {};
    return Object.keys(answers).length === 0 ? request : undefined;
  }

  /** The request, if both should be nudged to agree a time: accepted, none agreed, not nudged yet. */
  nudgeDue(guildId: string, id: string): InterviewRequest | undefined {
    const request = this.#records.get(guildId, id);
    if (request?.state !== "accepted" || agreedTime(request.meeting)) return undefined;
    return request.meeting?.nudgedAt === undefined ? request : undefined;
  }

  async markNudged(guildId: string, id: string): Promise<void> {
    const at = this.#clock();
    await this.#records.update(guildId, id, (current) => {
      if (!current || current.meeting?.nudgedAt !== undefined) return current;
      const meeting: Meeting = { minutes: DEFAULT_MEETING_MINUTES, ...current.meeting, nudgedAt: at };
      return { ...current, meeting };
    });
  }

  /** For a request accepted before the close timer existed: sets it, counted from the acceptance. */
  async ensureClose(request: InterviewRequest): Promise<void> {
    await this.#timers.ensure(
      meetingCloseKey(request.guildId, request.id),
      (request.decidedAt ?? this.#clock()) + this.#durations.unscheduledCloseMs,
      TIMER_KINDS.meetingClose,
      { guildId: request.guildId, requestId: request.id },
    );
  }

  /** After "We moved it": they have UNSCHEDULED_CLOSE from now to agree a new time. */
  async restartClose(request: InterviewRequest): Promise<void> {
    await this.#timers.schedule(
      meetingCloseKey(request.guildId, request.id),
      this.#clock() + this.#durations.unscheduledCloseMs,
      TIMER_KINDS.meetingClose,
      { guildId: request.guildId, requestId: request.id },
    );
  }

  async #schedule(request: InterviewRequest, keep: boolean): Promise<void> {
    const confirmed = agreedTime(request.meeting);
    if (!confirmed) return;
    const { guildId, id } = request;
    const { round, startsAt, confirmedAt } = confirmed;
    const set = (key: string, at: number, kind: string, payload: object) =>
      keep ? this.#timers.ensure(key, at, kind, payload) : this.#timers.schedule(key, at, kind, payload);
    for (const leadMs of this.#durations.remindersMs) {
      // A lead already passed when the time was agreed is skipped.
      if (startsAt - leadMs <= confirmedAt) continue;
      await set(
        meetingReminderKey(guildId, id, round, leadMs),
        startsAt - leadMs,
        TIMER_KINDS.meetingReminder,
        {
          guildId,
          requestId: id,
          round,
          leadMs,
        },
      );
    }
    const checkAt = startsAt + this.#durations.attendanceCheckMs;
    if (!keep || checkAt > this.#clock())
      await set(meetingAttendanceKey(guildId, id, round), checkAt, TIMER_KINDS.meetingAttendance, {
        guildId,
        requestId: id,
        round,
      });
  }
}
