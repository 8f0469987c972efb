import xterm from '@xterm/headless';

/** Lines kept above the screen when replaying a log: what `orchestra logs` can show of a long one. */
const replayScrollback = 10_000;

/**
 * What a terminal of `cols` x `rows` shows after `output`, as plain text: the scrollback and the
 * screen (only the screen while a full-screen program is in its alternate buffer). Replaying the
 * bytes through a real terminal emulator is what keeps a TUI readable: cursor moves become the
 * spaces and lines they stand for, redraws overwrite, escapes vanish; stripping escapes from the
 * raw bytes instead ran words together and left pieces of sequences behind. Wrapped rows are
 * joined into their line, trailing blanks dropped.
 */
export function screenText(output: string, cols: number, rows: number): Promise<string> {
  const terminal = new xterm.Terminal({ cols, rows, scrollback: replayScrollback, allowProposedApi: true });
  return new Promise((resolve) => {
    terminal.write(output, () => {
      const lines = bufferLines(terminal.buffer.active);
      terminal.dispose();
      resolve(lines.join('\n'));
    });
  });
}

function bufferLines(buffer: xterm.IBuffer): string[] {
  const lines: string[] = [];
  for (let y = 0; y < buffer.length; y++) {
    const line = buffer.getLine(y);
    const text = line?.translateToString(true) ?? '';
    if (line?.isWrapped === true && lines.length > 0) lines[lines.length - 1] += text;
    else lines.push(text);
  }
  const trimmed = lines.map((line) => line.trimEnd());
  while (trimmed.length > 0 && trimmed.at(-1) === '') trimmed.pop();
  return trimmed;
}
