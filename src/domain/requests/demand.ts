import { type MentorDemand, NOBODY_ASKED, type SearchDemand } from "../mentors/demand.js";
import type { MeetingFormat } from "../mentors/profile.js";
import type { SettingsService } from "../settings/index.js";
import type { RequestBlocks } from "./blocks.js";
import {
  capacityLimit,
  countActiveThisMonth,
  countSince,
  isActiveIn,
  pendingLimit,
  repeatLimit,
  utcMonth,
} from "./limits.js";
import { type RequestLimit, RequestRefused } from "./refusal.js";
import type { InterviewRequest } from "./request.js";
import type { RequestIndex } from "./request-index.js";
import type { SafetyRecords } from "./safety.js";
import type { SeekerStops } from "./seeker-stops.js";

/** What a request needs to know about the librarian, from their profile. */
export interface MentorTerms {
  formats: readonly MeetingFormat[];
  monthlyCapacity: number;
  /** A paused librarian is refused with the same words as a block, so neither gives the other away. */
  paused?: boolean;
}

/**
 * How much each librarian is asked and whom a seeker may ask: for search, as its
 * {@link MentorDemand} (answered from memory), and for the limits every new request must pass.
 */
export class RequestDemand implements MentorDemand {
  readonly #index: RequestIndex;
  readonly #blocks: RequestBlocks;
  readonly #safety: SafetyRecords;
  readonly #settings: Pick<SettingsService, "get">;
  readonly #stops: SeekerStops;

  constructor(
    index: RequestIndex,
    blocks: RequestBlocks,
    safety: SafetyRecords,
    settings: Pick<SettingsService, "get">,
    stops: SeekerStops,
  ) {
    this.#index = index;
    this.#blocks = blocks;
    this.#safety = safety;
    this.#settings = settings;
    this.#stops = stops;
  }

  askedSince(guildId: string, mentorId: string, since: number): number {
    return countSince(this.#index.sentTo(guildId, mentorId), since);
  }

  activeThisMonth(guildId: string, mentorId: string, now: number): number {
    return countActiveThisMonth(this.#index.sentTo(guildId, mentorId), now);
  }

  isExcluded(guildId: string, seekerId: string, mentorId: string, now: number): boolean {
    return this.#pairLimit(guildId, seekerId, mentorId, now) !== undefined;
  }

  forSearch(guildId: string, seekerId: string, now: number, since: number): SearchDemand {
    if (!this.#blocks.any() && !this.#safety.any() && !this.#index.anyIn(guildId)) return NOBODY_ASKED;
    const refused = this.#repeatsRefused(guildId, seekerId, now);
    const kept = this.#safety.limitsFor(guildId, seekerId, now);
    const month = utcMonth(now);
    return {
      askedIfAvailable: (mentorId, monthlyCapacity) => {
        if (refused.has(mentorId) || this.#blocks.isBlocked(guildId, mentorId, seekerId) || kept(mentorId))
          return -1;
        let asked = 0;
        let activeThisMonth = 0;
        for (const request of this.#index.sentTo(guildId, mentorId)) {
          if (request.createdAt >= since) asked++;
          if (isActiveIn(request, month)) activeThisMonth++;
        }
        return activeThisMonth >= monthlyCapacity ? -1 : asked;
      },
    };
  }

  /**
   * Throws a {@link RequestRefused} when the seeker may not send this librarian a request now. The
   * block or pause is checked first, so that no other limit's words give it away.
   */
  assertMayAsk(guildId: string, seekerId: string, mentorId: string, mentor: MentorTerms, now: number): void {
    const limit =
      (mentor.paused ? { kind: "not-taking-requests" as const } : undefined) ??
      this.#pairLimit(guildId, seekerId, mentorId, now) ??
      this.#seekerLimit(guildId, seekerId, mentorId, mentor.monthlyCapacity, now);
    if (limit) throw new RequestRefused(limit);
  }

  /**
   * The limits that say nothing about the librarian's own choices (pending requests, their monthly
   * capacity), checked before the seeker writes a note only to be refused.
   */
  assertRoomToAsk(
    guildId: string,
    seekerId: string,
    mentorId: string,
    monthlyCapacity: number,
    now: number,
  ): void {
    const limit = this.#seekerLimit(guildId, seekerId, mentorId, monthlyCapacity, now);
    if (limit) throw new RequestRefused(limit);
  }

  #seekerLimit(
    guildId: string,
    seekerId: string,
    mentorId: string,
    monthlyCapacity: number,
    now: number,
  ): RequestLimit | undefined {
    const stoppedUntil = this.#stops.stoppedUntil(guildId, seekerId);
    if (stoppedUntil !== undefined)
      return Number.isFinite(stoppedUntil)
        ? { kind: "asking-stopped", until: stoppedUntil }
        : { kind: "asking-stopped" };
    const maxPending = this.#settings.get(guildId).maxPendingPerSeeker;
    return (
      pendingLimit(this.#index.sentBy(guildId, seekerId), maxPending) ??
      capacityLimit(this.activeThisMonth(guildId, mentorId, now), monthlyCapacity, now)
    );
  }

  #pairLimit(guildId: string, seekerId: string, mentorId: string, now: number): RequestLimit | undefined {
    if (this.#blocks.isBlocked(guildId, mentorId, seekerId)) return { kind: "not-taking-requests" };
    // What a deletion kept: this account deleted its data after a block or a request to this librarian.
    const kept = this.#safety.limitFor(guildId, seekerId, mentorId, now);
    if (kept?.kind === "not-taking-requests") return kept;
    const toMentor = this.#index.sentBy(guildId, seekerId).filter((request) => request.mentorId === mentorId);
    // Search asks this of many librarians, nearly all never asked by this seeker.
    if (toMentor.length === 0) return kept;
    return repeatLimit(toMentor, this.#settings.get(guildId).sameMentorCooldownDays, now) ?? kept;
  }

  /** The librarians this seeker may not ask again yet (see {@link repeatLimit}), worked out once per search. */
  #repeatsRefused(guildId: string, seekerId: string, now: number): ReadonlySet<string> {
    const byMentor = new Map<string, InterviewRequest[]>();
    for (const request of this.#index.sentBy(guildId, seekerId)) {
      const toMentor = byMentor.get(request.mentorId);
      if (toMentor) toMentor.push(request);
      else byMentor.set(request.mentorId, [request]);
    }
    const refused = new Set<string>();
    if (byMentor.size === 0) return refused;
    const cooldownDays = this.#settings.get(guildId).sameMentorCooldownDays;
    for (const [mentorId, toMentor] of byMentor)
      if (repeatLimit(toMentor, cooldownDays, now) !== undefined) refused.add(mentorId);
    return refused;
  }
}
