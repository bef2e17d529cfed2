import { type InterviewRequest, isOpen, newestFirst, type RequestState } from "./request.js";
import type { RequestIndex } from "./request-index.js";

/** Requests listed and counted for the people in them and for moderators, from memory. */
export class RequestQueries {
  readonly #index: RequestIndex;

  constructor(index: RequestIndex) {
    this.#index = index;
  }

  /** Open requests the user sent and received, newest first. */
  listFor(guildId: string, userId: string): { asSeeker: InterviewRequest[]; asMentor: InterviewRequest[] } {
    const open = (requests: InterviewRequest[]) => requests.filter((r) => isOpen(r.state)).sort(newestFirst);
    return {
      asSeeker: open(this.#index.sentBy(guildId, userId)),
      asMentor: open(this.#index.sentTo(guildId, userId)),
    };
  }

  /** The guild's requests with effects still owed (see RequestEffect), oldest first: for start-up. */
  owingEffects(guildId: string): InterviewRequest[] {
    return this.#index
      .inGuild(guildId)
      .filter((request) => (request.effects?.length ?? 0) > 0)
      .sort((a, b) => newestFirst(b, a));
  }

  /** Requests still waiting that never reached their librarian (DMs closed, no mentoring channel then), oldest first. */
  undelivered(guildId: string): InterviewRequest[] {
    return this.#index
      .inGuild(guildId)
      .filter((request) => request.state === "pending" && request.delivery === undefined)
      .sort((a, b) => newestFirst(b, a));
  }

  /** Every accepted request in every guild (interviews still to agree or hold), for start-up checks. */
  accepted(): InterviewRequest[] {
    return this.#index.all().filter((request) => request.state === "accepted");
  }

  /** How many of the guild's requests are in each state, for moderators. */
  stats(guildId: string): Record<RequestState, number> {
    const counts = {
      pending: 0,
      accepted: 0,
      met: 0,
      declined: 0,
      expired: 0,
      cancelled: 0,
      withdrawn: 0,
      "not-held": 0,
    };
    for (const request of this.#index.inGuild(guildId)) counts[request.state]++;
    return counts;
  }

  /** The private "was it useful?" ratings per librarian, most rated first, for moderators only. */
  ratingsByMentor(guildId: string): { mentorId: string; count: number; average: number }[] {
    const totals = new Map<string, { count: number; sum: number }>();
    for (const { mentorId, feedback } of this.#index.inGuild(guildId)) {
      if (!feedback) continue;
      const total = totals.get(mentorId) ?? { count: 0, sum: 0 };
      total.count++;
      total.sum += feedback.rating;
      totals.set(mentorId, total);
    }
    return [...totals]
      .map(([mentorId, { count, sum }]) => ({ mentorId, count, average: sum / count }))
      .sort((a, b) => b.count - a.count || a.mentorId.localeCompare(b.mentorId));
  }
}
