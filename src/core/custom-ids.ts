/**
 * Every custom ID the bot puts on a button, select menu or modal, as `prefix|arg|arg…`. The router
 * finds the handler by prefix. Arguments say *what* a component is about, never *who* may use it:
 * handlers check the clicking user against stored data or the message's interaction metadata.
 */
export const CUSTOM_ID_PREFIXES = [
  // /questions
  "questions-page",
  "questions-dm",
  // /mentor join and edit: a form in steps, then a preview to confirm
  "mentor-types",
  "mentor-formats",
  "mentor-step",
  "mentor-about",
  "mentor-story",
  "mentor-confirm",
  "mentor-cancel",
  "mentor-leave",
  // interview requests
  "request-ask",
  "request-form",
  "request-accept",
  "request-decline",
  "request-decline-form",
  "request-block",
  "request-report",
  "request-cancel",
  "request-met",
  "request-rate",
  // /privacy delete-my-data: the confirm button
  "privacy-delete",
] as const;

export type CustomIdPrefix = (typeof CUSTOM_ID_PREFIXES)[number];

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
  (CUSTOM_ID_PREFIXES as readonly string[]).includes(value ?? "");
