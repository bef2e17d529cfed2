/**
 * How much librarians are being asked, as the interview-requests feature knows it. Search calls these
 * for every candidate, so implementations must answer from memory, synchronously.
 */
export interface MentorDemand {
  /** Requests the librarian received since `since` (ms epoch). */
  askedSince(guildId: string, mentorId: string, since: number): number;
  /** Pending plus accepted requests in the calendar month (UTC) that contains `now`. */
  activeThisMonth(guildId: string, mentorId: string, now: number): number;
  /** True when the seeker asked this librarian recently, or the librarian blocked the seeker. */
  isExcluded(guildId: string, seekerId: string, mentorId: string, now: number): boolean;
}

/** Demand before the requests feature exists: nobody has been asked, nobody is excluded. */
export const NO_DEMAND: MentorDemand = Object.freeze({
  askedSince: () => 0,
  activeThisMonth: () => 0,
  isExcluded: () => false,
});
