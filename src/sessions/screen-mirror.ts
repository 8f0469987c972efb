import serialize from '@xterm/addon-serialize';
import xterm from '@xterm/headless';

/**
 * Lines kept above the screen, so an attaching terminal gets some history to scroll back into.
 * Each line costs 12 bytes a column (1.2 KB at 100 columns) in every agent's mirror, and every
 * attach serializes them all before its first frame: with 1000 lines, 20 busy agents cost the
 * daemon ~24 MB more and a cold serialize took 55-120 ms (200 lines: 20-35 ms; bench/tasks.js).
 * The whole output stays in the task's log (`orchestra logs`).
 */
export const mirrorScrollback = 200;

/**
 * A headless terminal fed every byte an agent writes, so that the daemon always knows what the
 * agent's screen looks like: an attaching terminal is redrawn from it, and status tables read
 * its last line. xterm parses asynchronously; `parsed()` waits for everything written so far.
 */
export class ScreenMirror {
  private readonly terminal: xterm.Terminal;
  private readonly serializer = new serialize.SerializeAddon();

  constructor(cols: number, rows: number) {
    this.terminal = new xterm.Terminal({ cols, rows, scrollback: mirrorScrollback, allowProposedApi: true });
    this.terminal.loadAddon(this.serializer);
  }

  /** Text, or bytes (UTF-8; a character split across writes is put together). */
  write(data: string | Uint8Array): void {
    this.terminal.write(data);
  }

  /** Resolves once the mirror has parsed every write made before the call (writes are parsed in order). */
  parsed(): Promise<void> {
    return new Promise((resolve) => this.terminal.write('', resolve));
  }

  /** The screen and scrollback as ANSI; written to a fresh terminal of the same size it redraws the screen. */
  serialize(): string {
    return this.serializer.serialize();
  }

  /**
   * The screen exactly as of this call: serialized inside xterm's write callback, because xterm
   * may parse later chunks in the same pass before a promise continuation would run, and an
   * attach streams everything after this point separately.
   */
  snapshot(): Promise<string> {
    return new Promise((resolve) => this.terminal.write('', () => resolve(this.serializer.serialize())));
  }

  resize(cols: number, rows: number): void {
    this.terminal.resize(cols, rows);
  }

  size(): { cols: number; rows: number } {
    return { cols: this.terminal.cols, rows: this.terminal.rows };
  }

  /** The last non-empty line on the screen, wrapped rows joined back into one line, trimmed. */
  lastLine(): string {
    const buffer = this.terminal.buffer.active;
    for (let y = buffer.baseY + this.terminal.rows - 1; y >= buffer.baseY; y--) {
      const text = buffer.getLine(y)?.translateToString(true) ?? '';
      if (text.trim() === '') continue;
      let line = text;
      for (let above = y; above > 0 && buffer.getLine(above)?.isWrapped === true; above--) {
        line = (buffer.getLine(above - 1)?.translateToString(true) ?? '') + line;
      }
      return line.trim();
    }
    return '';
  }

  dispose(): void {
    this.terminal.dispose();
  }
}
