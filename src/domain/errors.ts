/**
 * Something the person can fix or should know about: bad input, a limit, a refusal, an expired
 * form. Its message is written for them, and the router shows it as it is, privately. Every other
 * error is unexpected: logged with its context and answered with a short message and an error id.
 */
export class UserError extends Error {
  override name = "UserError";
}

export const isUserError = (error: unknown): error is UserError => error instanceof UserError;

/** A problem with one field of what someone typed or sent; `field` names it, `message` is ready to show. */
export class ValidationError extends UserError {
  override readonly name = "ValidationError";

  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}
