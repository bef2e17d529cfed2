/**
 * Shown when a librarian blocked the seeker. Worded so that it could equally mean a pause, so a
 * block is never revealed; paused librarians are refused with it too.
 */
export const NOT_TAKING_REQUESTS =
  "This librarian isn't taking requests from you right now. Try /findmentor to find someone else.";

/** Shown to a seeker a moderator stopped from asking anyone on the server. */
export const ASKING_STOPPED =
  "Sorry, you can't send interview requests on this server at the moment. " +
  "If you think this is a mistake, please talk to the server's moderators.";

/** Shown to a seeker stopped for a while after missed interviews; `until` as the reader should see it. */
export const noShowStopText = (until: string): string =>
  "You can't send interview requests on this server for now: the librarians of your last interviews said " +
  `you didn't come. You can ask again from ${until}. If that's a mistake, please talk to the server's moderators.`;

export const SELF_REQUEST = "You can't send an interview request to yourself.";

export const GONE = "This request no longer exists.";
