import { clearScreenDown, createInterface, cursorTo, type Interface, moveCursor } from "node:readline";

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
    this.#rl.on("SIGINT", () => this.#rl.close());
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
    // Back to the prompt's first row, even when what was typed wraps, and clear it all.
    moveCursor(this.#output, 0, -this.#rl.getCursorPos().rows);
    cursorTo(this.#output, 0);
    clearScreenDown(this.#output);
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
      const onClose = () => {
        this.#output.write("\n"); // leave the prompt's line, as a shell does on Ctrl+D
        finish(undefined);
      };
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
