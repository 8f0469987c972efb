import { stripVTControlCharacters } from 'node:util';
import type { RunEvent } from '../../core/index.js';
import type { CliOutput } from '../cli-io.js';
import type { Palette } from './color.js';
import { formatEventLine } from './event-line.js';
import { createLiveStatus, formatRunningNode } from './live-status.js';
import { formatResultLine } from './result-line.js';
import type { RunEnding } from './result-line.js';

/**
 * `human`: a line per node; `single-line`: one line, rewritten in place; `quiet`: only the result
 * line; `json`: every event as a JSON line.
 */
export type OutputMode = 'human' | 'single-line' | 'quiet' | 'json';

export function resolveOutputMode(options: { json?: boolean; quiet?: boolean; singleLine?: boolean }): OutputMode {
  if (options.json) return 'json';
  if (options.quiet) return 'quiet';
  return options.singleLine ? 'single-line' : 'human';
}

export interface ProgressPrinter {
  onEvent(event: RunEvent): void;
  /** Redraws the live line (elapsed times); called about once a second. Time comes from `now`. */
  tick(): void;
  /** Prints the last line: the result, as text or as `{"type":"result",...}`. */
  finish(ending: RunEnding): void;
}

export interface PrinterOptions {
  showQuestions: boolean;
  /** The clock the live line's elapsed times are read from (the engine's, so they agree with events). */
  now?: () => number;
  /** Width of the terminal, for cutting the live line; default 80. */
  columns?: number;
}

/** Not on a terminal, a node still running is reported as a plain line this often. */
export const stillRunningEveryMs = 30_000;

// Back to the start of the line and erase it: how a terminal line is rewritten in place.
const clearLine = '\r\x1b[2K';

/**
 * Progress on the terminal. On a TTY a node that runs longer than a second gets a live line under
 * the others (rewritten each tick with its elapsed time and its agent's last activity); with
 * `single-line` every update rewrites that one line. Not on a TTY nothing is rewritten: `human`
 * adds a "still running" line every 30 s, `single-line` prints like `human` without those lines.
 */
export function createProgressPrinter(out: CliOutput, mode: OutputMode, palette: Palette, options: PrinterOptions): ProgressPrinter {
  const now = options.now ?? Date.now;
  const live = createLiveStatus();
  const rewrite = out.isTTY === true && (mode === 'human' || mode === 'single-line');
  const width = Math.max(20, (options.columns ?? 80) - 1);
  let shown = ''; // what the rewritable line holds now
  let lastLine = ''; // single-line: the latest event line, kept under the live part
  const reported = new Map<string, number>(); // not a TTY: node → elapsed last reported

  const draw = (text: string) => {
    // Wider than the terminal, the line would wrap and \r would rewrite only its last row.
    const plain = stripVTControlCharacters(text);
    const cut = plain.length > width ? `${plain.slice(0, width - 1)}…` : text;
    if (cut === shown) return;
    out.write(`${clearLine}${cut}`);
    shown = cut;
  };
  const clear = () => {
    if (shown !== '') out.write(clearLine);
    shown = '';
  };
  const liveText = () => live.slowNodes(now()).map((entry) => formatRunningNode(entry, now())).join('  ');

  function redraw(): void {
    if (!rewrite) return;
    const running = liveText();
    if (mode === 'single-line') {
      const text = [lastLine, running === '' ? '' : palette.dim(`⋯ ${running}`)].filter(Boolean).join('  ');
      if (text === '') clear();
      else draw(text);
      return;
    }
    if (running === '') clear();
    else draw(palette.dim(`⋯ ${running}`));
  }

  function reportStillRunning(): void {
    if (mode !== 'human') return;
    for (const entry of live.slowNodes(now())) {
      const elapsed = now() - entry.startedAt;
      const due = Math.floor(elapsed / stillRunningEveryMs) * stillRunningEveryMs;
      if (due === 0 || (reported.get(entry.node) ?? 0) >= due) continue;
      reported.set(entry.node, due);
      out.write(`${palette.dim(`… ${formatRunningNode(entry, entry.startedAt + due)} (still running)`)}\n`);
    }
  }

  return {
    onEvent: function printEvent(event) {
      if (mode === 'json') {
        out.write(`${JSON.stringify(event)}\n`);
        return;
      }
      if (mode === 'quiet') return;
      live.onEvent(event);
      if (event.type === 'node.started') reported.delete(event.node);
      const line = formatEventLine(event, palette, options);
      if (rewrite && mode === 'single-line') {
        // A question is asked below: the line must end first, or the prompt would be overwritten.
        if (event.type === 'interview.started' && shown !== '') {
          out.write('\n');
          shown = '';
        }
        if (line !== undefined) lastLine = line.trim();
        redraw();
        return;
      }
      if (line !== undefined) {
        clear();
        out.write(`${line}\n`);
      } else if (event.type === 'interview.started') clear();
      redraw();
    },
    tick: function redrawLiveLine() {
      if (mode === 'json' || mode === 'quiet') return;
      if (rewrite) redraw();
      else reportStillRunning();
    },
    finish: function printResult(ending) {
      if (mode === 'json') {
        out.write(`${JSON.stringify({ type: 'result', ...ending })}\n`);
        return;
      }
      clear();
      out.write(`${formatResultLine(ending, palette)}\n`);
    },
  };
}
