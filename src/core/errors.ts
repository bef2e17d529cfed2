import { randomBytes } from "node:crypto";

/** A short id to quote in the generic message and find the logged error by. */
export const newErrorId = (): string => randomBytes(4).toString("hex");

export const genericErrorMessage = (errorId: string): string =>
  `Sorry, something went wrong on our side. Please try again in a moment; if it keeps happening, tell a moderator (error id \`${errorId}\`).`;
