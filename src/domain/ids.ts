import { ValidationError } from "./errors.js";

const ID = /^[\w-]{1,64}$/;

/** Guild and user ids become parts of store keys, so a "/" in one would reach into another's records. */
export function assertId(raw: unknown, field: string): string {
  if (typeof raw !== "string" || !ID.test(raw)) {
    throw new ValidationError(field, `${field} must be 1-64 letters, digits, "_" or "-".`);
  }
  return raw;
}
