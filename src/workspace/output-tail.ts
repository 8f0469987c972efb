/**
 * Keeps the last `lines` lines of a stream of text chunks, for showing why a script failed without holding on
 * to all of its output. A very long line is cut to its end so one runaway line cannot grow without bound.
 */
export class OutputTail {
  private text = '';

  constructor(
    private readonly lines = 20,
    private readonly maxChars = 8_192,
  ) {}

  push(chunk: string): void {
    this.text += chunk;
    if (this.text.length > this.maxChars * 2) this.text = this.text.slice(-this.maxChars);
  }

  /** The kept lines, without a trailing newline. */
  toString(): string {
    const all = this.text.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');
    return all.slice(-this.lines).join('\n').slice(-this.maxChars);
  }
}
