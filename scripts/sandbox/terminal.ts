import { clearLine, createInterface, cursorTo, type Interface } from "node:readline";

/**
 * The sandbox's input and output. In a terminal: line editing, history and a prompt, and messages
 * that arrive while you type are printed above the prompt without losing what you typed. From a
 * pipe: one line at a time, each echoed after its prompt so the transcript reads like a session.
 */
export class Terminal {
  readonly interactive: boolean;
  readonly #rl: Interface;
  readonly #lines: AsyncIterator<string> | undefined;
  readonly #output: NodeJS.WriteStream;
  #waiting = false;
  #closed = false;

  constructor(input: NodeJS.ReadStream, output: NodeJS.WriteStream) {
    this.interactive = input.isTTY === true && output.isTTY === true;
    this.#output = output;
    this.#rl = this.interactive
      ? createInterface({ input, output, terminal: true, historySize: 500, removeHistoryDuplicates: true })
      : createInterface({ input, terminal: false });
    this.#lines = this.interactive ? undefined : this.#rl[Symbol.asyncIterator]();
    this.#rl.on("close", () => {
      this.#closed = true;
    });
    // Ctrl+C ends the sandbox as in most consoles (readline would only pause the input otherwise).
    this.#rl.on("SIGINT", () => {
      this.#output.write("\n");
      this.#rl.close();
    });
  }

  print(text: string): void {
    this.#output.write(`${text}\n`);
  }

  /** Prints while a prompt may be showing: above it, then the prompt again with what was typed so far. */
  printAbove(text: string): void {
    if (!this.interactive || !this.#waiting) {
      this.print(text);
      return;
    }
    clearLine(this.#output, 0);
    cursorTo(this.#output, 0);
    this.print(text);
    this.#rl.prompt(true);
  }

  /** The next line, or undefined at the end of input (Ctrl+D, Ctrl+C, or the pipe's end). */
  async readLine(prompt: string, options: { remember?: boolean } = {}): Promise<string | undefined> {
    if (this.#lines) {
      const next = await this.#lines.next();
      if (next.done) return undefined;
      this.print(`${prompt}${next.value}`);
      return next.value;
    }
    if (this.#closed) return undefined;
    const line = await new Promise<string | undefined>((resolve) => {
      const finish = (value: string | undefined) => {
        this.#rl.off("line", onLine);
        this.#rl.off("close", onClose);
        this.#waiting = false;
        resolve(value);
      };
      const onLine = (value: string) => finish(value);
      const onClose = () => finish(undefined);
      this.#rl.on("line", onLine);
      this.#rl.on("close", onClose);
      this.#waiting = true;
      this.#rl.setPrompt(prompt);
      this.#rl.prompt();
    });
    if (line !== undefined && options.remember === false) this.#forget(line);
    return line;
  }

  close(): void {
    this.#rl.close();
  }

  /** Keeps answers to form fields out of the arrow-key history, which is for commands. */
  #forget(line: string): void {
    // `history` is public at runtime (newest first) but missing from @types/node.
    const history = (this.#rl as unknown as { history?: string[] }).history;
    if (history?.[0] === line) history.shift();
  }
}
