export type FeedErrorCode =
  | "invalid-url"
  | "refused"
  | "timeout"
  | "too-large"
  | "too-many-redirects"
  | "http"
  | "network"
  | "not-a-feed";

/**
 * A feed could not be fetched or read. `message` is a short reason meant to be shown to
 * moderators as it is, such as "HTTP 404" or "timed out after 15 s".
 */
export class FeedError extends Error {
  override readonly name = "FeedError";

  constructor(
    readonly code: FeedErrorCode,
    reason: string,
    options?: ErrorOptions & { retryAfterMs?: number },
  ) {
    super(reason, options);
    this.retryAfterMs = options?.retryAfterMs;
  }

  /** How long the site asked us to wait before the next try (`Retry-After` on a 429 or 503). */
  readonly retryAfterMs: number | undefined;
}

/** The short reason to show for any failure, ours or unexpected. */
export function failureReason(error: unknown): string {
  if (error instanceof FeedError) return error.message;
  return `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
}
