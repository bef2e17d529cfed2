import type { EventEmitter } from "node:events";

/**
 * Resolves with the first non-undefined result of `check`, re-evaluated on every "change" of `emitter`.
 * `check` may throw to fail early. On timeout, rejects with `describe()` so a failing test says what happened.
 */
export function waitFor<T>(
  emitter: EventEmitter,
  check: () => T | undefined,
  timeoutMs: number,
  describe: () => string,
): Promise<T> {
  // Created here so the stack points at the test's call, not at a timer.
  const failure = new Error("timed out");
  return new Promise<T>((resolve, reject) => {
    const finish = (fn: () => void) => {
      clearTimeout(timer);
      emitter.off("change", onChange);
      fn();
    };
    const onChange = () => {
      try {
        const value = check();
        if (value !== undefined) finish(() => resolve(value));
      } catch (error) {
        finish(() => reject(error));
      }
    };
    const timer = setTimeout(() => {
      failure.message = `Timed out after ${timeoutMs} ms: ${describe()}`;
      finish(() => reject(failure));
    }, timeoutMs);
    emitter.on("change", onChange);
    onChange();
  });
}
