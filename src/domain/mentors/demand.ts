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
  /**
   * The same answers for one search, with what they share looked up once: a search asks about
   * several librarians in a row. Optional; without it, search asks the questions above.
   */
  forSearch?(guildId: string, seekerId: string, now: number, since: number): SearchDemand;
}

/** Demand as one search sees it: for one seeker in one guild, at one moment. */
export interface SearchDemand {
  /**
   * -1 when the librarian has no room left this month under `monthlyCapacity`, or is excluded for
   * the seeker; else how many requests they received since the search's `since`.
   */
  askedIfAvailable(mentorId: string, monthlyCapacity: number): number;
  /** How many requests the librarian received since the search's `since`. */
  askedSince(mentorId: string): number;
}

/** Nobody asked, nobody excluded. */
export const NOBODY_ASKED: SearchDemand = Object.freeze({ askedIfAvailable: () => 0, askedSince: () => 0 });

/** Demand before the requests feature exists: nobody has been asked, nobody is excluded. */
export const NO_DEMAND: MentorDemand = Object.freeze({
  askedSince: () => 0,
  activeThisMonth: () => 0,
  isExcluded: () => false,
  forSearch: () => NOBODY_ASKED,
});

/** `demand` for one search: its own {@link MentorDemand.forSearch}, or its three questions. */
export function searchDemand(
  demand: MentorDemand,
  guildId: string,
  seekerId: string,
  now: number,
  since: number,
): SearchDemand {
  if (demand.forSearch) return demand.forSearch(guildId, seekerId, now, since);
  return {
    askedIfAvailable(mentorId, monthlyCapacity) {
      if (demand.activeThisMonth(guildId, mentorId, now) >= monthlyCapacity) return -1;
      if (demand.isExcluded(guildId, seekerId, mentorId, now)) return -1;
      return demand.askedSince(guildId, mentorId, since);
    },
    askedSince: (mentorId) => demand.askedSince(guildId, mentorId, since),
  };
}
