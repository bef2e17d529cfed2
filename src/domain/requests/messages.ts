/** A date as Discord shows it: in each reader's own language and time zone. */
export const discordDate = (ms: number): string => `<t:${Math.floor(ms / 1000)}:D>`;

/**
 * Shown when a librarian blocked the seeker. Worded so that it could equally mean a pause, so a
 * block is never revealed; the Discord layer should use it for paused librarians too.
 */
export const NOT_TAKING_REQUESTS =
  "This librarian isn't taking requests from you right now. Try /findmentor to find someone else.";

export const SELF_REQUEST = "You can't send an interview request to yourself.";

export const GONE = "This request no longer exists.";

export const alreadyWaiting = (sentAt: number): string =>
  `You already have a request waiting for this librarian's answer (sent ${discordDate(sentAt)}).`;

export const cooldown = (askedAt: number, days: number, liftsAt: number): string =>
  `You asked this librarian on ${discordDate(askedAt)}. On this server you can ask the same librarian ` +
  `again ${days} days after your last request, so this limit lifts on ${discordDate(liftsAt)}. ` +
  "Until then, try /findmentor to find someone else.";

export const tooManyPending = (limit: number, liftsAt: number): string =>
  `You already have ${limit} request${limit === 1 ? "" : "s"} waiting for an answer, the most this server ` +
  `allows at once. This limit lifts when a librarian answers or you cancel a request, and at the latest ` +
  `on ${discordDate(liftsAt)}, when your oldest request expires.`;

export const noCapacity = (liftsAt: number): string =>
  "This librarian has already received as many requests this month as they can take. " +
  `This limit lifts on ${discordDate(liftsAt)}; until then, try /findmentor to find someone else.`;
