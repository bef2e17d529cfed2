/**
 * Every custom ID the bot puts on a button, select menu or modal, as `prefix|arg|arg…`. The router
 * finds the handler by prefix. Arguments say *what* a component is about, never *who* may use it:
 * handlers check the clicking user against stored data or the message's interaction metadata.
 */
export const CUSTOM_ID_KINDS = {
  // /questions
  "questions-page": "button",
  "questions-dm": "button",
  // a library type's sector card (hiring facts), from /questions and /findmentor: the type's slug
  "sector-card": "button",
  // /mentor join and edit: a form in steps, then a preview to confirm
  "mentor-types": "select",
  "mentor-formats": "select",
  "mentor-step": "button",
  "mentor-about": "modal",
  "mentor-story": "modal",
  "mentor-availability": "modal",
  "mentor-confirm": "button",
  "mentor-cancel": "button",
  "mentor-leave": "button",
  // interview requests
  "request-ask": "button",
  "request-form": "modal",
  "request-accept": "button",
  "request-decline": "button",
  "request-decline-form": "modal",
  "request-block": "button",
  "request-block-confirm": "button",
  "request-block-cancel": "button",
  "request-report": "button",
  "request-report-form": "modal",
  "request-cancel": "button",
  "request-met": "button",
  "request-rate": "button",
  "request-rate-change": "button",
  "request-rate-keep": "button",
  // the seeker's agenda for an accepted request: guild and request id (a menu adds its topic, a page its number)
  "agenda-open": "button",
  "agenda-pick": "select",
  "agenda-page": "button",
  "agenda-post": "button",
  "agenda-clear": "button",
  // agreeing a time after Accept (guild, request; a slot's value and Confirm's last argument are the
  // start in seconds since the epoch)
  "meeting-slot": "select",
  "meeting-propose": "button",
  "meeting-propose-form": "modal",
  "meeting-confirm": "button",
  "meeting-reschedule": "button",
  "meeting-reschedule-form": "modal",
  "meeting-cancel": "button",
  "meeting-cancel-form": "modal",
  // "did it happen?" after an agreed time: guild, request, round, and the answer (met, no-show, moved)
  "meeting-attendance": "button",
  // the log channel's Forgive on a no-show or a dispute: guild, the absent person, request
  "meeting-forgive": "button",
  // the log channel's buttons on a report, for moderators with Manage Server
  "report-pause-librarian": "button",
  "report-stop-seeker": "button",
  // /privacy delete-my-data: the confirm button
  "privacy-delete": "button",
  // /privacy blocks: Unblock, by seeker id or (for one who deleted their data) by their one-way code
  "privacy-unblock": "button",
} as const satisfies Record<string, ComponentKind>;

/**
 * The argument that names the guild, for each prefix that can be used in a DM (a request's buttons
 * and forms reach the librarian and the seeker there): the router brings that guild's data up to
 * date before the handler runs, as it does the guild of an interaction in a server.
 */
export const GUILD_ARGUMENT: Partial<Record<CustomIdPrefix, number>> = {
  "request-ask": 2,
  "request-form": 2,
  "request-accept": 0,
  "request-decline": 0,
  "request-decline-form": 0,
  "request-block": 0,
  "request-block-confirm": 0,
  "request-block-cancel": 0,
  "request-report": 0,
  "request-report-form": 0,
  "request-cancel": 0,
  "request-met": 0,
  "request-rate": 0,
  "request-rate-change": 0,
  "request-rate-keep": 0,
  "agenda-open": 0,
  "agenda-pick": 0,
  "agenda-page": 0,
  "agenda-post": 0,
  "agenda-clear": 0,
  "meeting-slot": 0,
  "meeting-propose": 0,
  "meeting-propose-form": 0,
  "meeting-confirm": 0,
  "meeting-reschedule": 0,
  "meeting-reschedule-form": 0,
  "meeting-cancel": 0,
  "meeting-cancel-form": 0,
  "meeting-attendance": 0,
};

/** What carries a custom ID: a button, a string select menu, or a modal (form). */
export type ComponentKind = "button" | "select" | "modal";

export type CustomIdPrefix = keyof typeof CUSTOM_ID_KINDS;

/** The prefixes of one kind of component: a handler for a button prefix is given a button interaction. */
export type PrefixOfKind<Kind extends ComponentKind> = {
  [Prefix in CustomIdPrefix]: (typeof CUSTOM_ID_KINDS)[Prefix] extends Kind ? Prefix : never;
}[CustomIdPrefix];

const SEPARATOR = "|";
const MAX_LENGTH = 100;

export function customId(prefix: CustomIdPrefix, ...args: (string | number)[]): string {
  const id = [prefix, ...args.map(String)].join(SEPARATOR);
  if (id.length > MAX_LENGTH) throw new Error(`Custom ID longer than ${MAX_LENGTH} characters: ${id}`);
  return id;
}

export function parseCustomId(id: string): { prefix: CustomIdPrefix; args: string[] } | undefined {
  const [prefix, ...args] = id.split(SEPARATOR);
  return isPrefix(prefix) ? { prefix, args } : undefined;
}

const isPrefix = (value: string | undefined): value is CustomIdPrefix =>
  value !== undefined && Object.hasOwn(CUSTOM_ID_KINDS, value);
