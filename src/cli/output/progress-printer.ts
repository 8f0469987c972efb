import type { RunEvent } from '../../core/index.js';
import type { CliOutput } from '../cli-io.js';
import type { Palette } from './color.js';
import { formatEventLine } from './event-line.js';
import { formatResultLine } from './result-line.js';
import type { RunEnding } from './result-line.js';

/** `human`: a line per node; `quiet`: only the result line; `json`: every event as a JSON line. */
export type OutputMode = 'human' | 'quiet' | 'json';

export function resolveOutputMode(options: { json?: boolean; quiet?: boolean }): OutputMode {
  if (options.json) return 'json';
  return options.quiet ? 'quiet' : 'human';
}

export interface ProgressPrinter {
  onEvent(event: RunEvent): void;
  /** Prints the last line: the result, as text or as `{"type":"result",...}`. */
  finish(ending: RunEnding): void;
}

export function createProgressPrinter(out: CliOutput, mode: OutputMode, palette: Palette, options: { showQuestions: boolean }): ProgressPrinter {
  return {
    onEvent: function printEvent(event) {
      if (mode === 'json') {
        out.write(`${JSON.stringify(event)}\n`);
        return;
      }
      if (mode === 'quiet') return;
      const line = formatEventLine(event, palette, options);
      if (line !== undefined) out.write(`${line}\n`);
    },
    finish: function printResult(ending) {
      if (mode === 'json') out.write(`${JSON.stringify({ type: 'result', ...ending })}\n`);
      else out.write(`${formatResultLine(ending, palette)}\n`);
    },
  };
}
