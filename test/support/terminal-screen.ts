import xterm from '@xterm/headless';
import type { PtyDriver } from './pty-driver.js';

export interface TerminalScreen {
  /** The screen and scrollback as text, after every byte the terminal printed so far. */
  text(): Promise<string>;
  /** Resolves once the screen shows `text`, or fails showing the screen. */
  waitFor(text: string, timeoutMs?: number): Promise<void>;
}

/**
 * What a user would see in a PtyDriver's terminal: its output replayed into a headless xterm of
 * the same size. TUIs such as Claude Code's redraw by difference (only the cells that change, and
 * cursor moves instead of blanks), so a line on screen is often nowhere in the raw output.
 */
export function terminalScreen(terminal: PtyDriver, cols: number, rows: number): TerminalScreen {
  const screen = new xterm.Terminal({ cols, rows, scrollback: 2_000, allowProposedApi: true });
  let fed = 0;

  async function text(): Promise<string> {
    const output = terminal.output();
    const chunk = output.slice(fed);
    fed = output.length;
    await new Promise<void>((resolve) => screen.write(chunk, resolve));
    const buffer = screen.buffer.active;
    let joined = '';
    for (let row = 0; row < buffer.length; row++) {
      const line = buffer.getLine(row);
      if (line === undefined) continue;
      joined += `${row > 0 && !line.isWrapped ? '\n' : ''}${line.translateToString(true)}`;
    }
    return joined;
  }

  return {
    text,
    async waitFor(wanted, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const shown = await text();
        if (shown.includes(wanted)) return;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${JSON.stringify(wanted)} on the screen:\n${shown}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
  };
}
