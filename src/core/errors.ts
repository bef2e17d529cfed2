import { randomBytes } from "node:crypto";

/**
 * A problem the user can fix or should know about (bad input, a limit, a refusal). Its message is
 * shown to them as it is, ephemerally. Every other error is unexpected: logged, and answered with
 * a short generic message carrying an error id.
 */
export class UserError extends Error {
  override name = "UserError";
}

export const isUserError = (error: unknown): error is UserError => error instanceof UserError;

export const newErrorId = (): string => randomBytes(4).toString("hex");

export const genericErrorMessage = (errorId: string): string =>
  `Sorry, something went wrong on our side. Please try again in a moment; if it keeps happening, tell a moderator (error id \`${errorId}\`).`;
