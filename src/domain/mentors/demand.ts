/**
 * How much librarians are being asked, as the interview-requests feature knows it. Search asks once
 * per search, then about each librarian who matches, so answers must come from memory, synchronously.
 */
export interface MentorDemand {
  /** Demand as one seeker in one guild sees it at `now`, counting requests received since `since`. */
  forSearch(guildId: string, seekerId: string, now: number, since: number): SearchDemand;
}

export interface SearchDemand {
  /**
   * -1 when the librarian has no room left this month under `monthlyCapacity`, or is excluded for the
   * seeker (asked recently, or blocked them); else how many requests they received since `since`.
   */
  askedIfAvailable(mentorId: string, monthlyCapacity: number): number;
}

/** Nobody asked, nobody excluded. */
export const NOBODY_ASKED: SearchDemand = Object.freeze({ askedIfAvailable: () => 0 });

/** Demand before the requests feature exists: nobody has been asked, nobody is excluded. */
export const NO_DEMAND: MentorDemand = Object.freeze({ forSearch: () => NOBODY_ASKED });
