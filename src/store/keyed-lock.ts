/**
 * Runs tasks one at a time per key, in arrival order. Every write of one key in this process goes
 * through here, so concurrent interactions lose nothing: on SQLite that is all there is, and on
 * PostgreSQL it keeps this process's writes in order before the database's lock orders processes.
 */
export class KeyedLock {
  readonly #tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    this.#tails.set(key, tail);
    void tail.then(() => {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    });
    return result;
  }
}
