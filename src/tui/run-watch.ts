import { render } from 'ink';
import { createElement as h } from 'react';
import { ErrorCode, OrchestraError } from '../core/errors.js';
import { describeError } from './describe-error.js';
import { WatchApp } from './watch-app.js';
import { taskLabel, type WatchLeave, type WatchMemory } from './watch-memory.js';
import type { WatchOptions } from './watch-source.js';

const ALT_SCREEN_ON = '\u001b[?1049h';
const ALT_SCREEN_OFF = '\u001b[?1049l';
const CLEAR_SCREEN = '\u001b[H\u001b[2J';
const BELL = '\u0007';

/**
 * `orchestra watch`: the live task table until the user quits (q or Ctrl-C). Attaching leaves the
 * table entirely (Ink unmounted, raw mode off) so the attach owns the terminal, then draws it again.
 */
export async function runWatch(options: WatchOptions): Promise<void> {
  const stdin = options.stdin ?? process.stdin;
  const stdout = options.stdout ?? process.stdout;
  const now = options.now ?? Date.now;
  if (stdin.isTTY !== true) {
    throw new OrchestraError(ErrorCode.USAGE, 'orchestra watch needs an interactive terminal, and stdin is not one.', {
      hint: 'Run it in a terminal, or use `orchestra status --watch` for a plain live listing.',
    });
  }
  const ringBell = () => void stdout.write(BELL);
  // A full-screen table on the alternate screen leaves the user's scrollback as it was.
  const fullScreen = stdout.isTTY === true;
  if (fullScreen) stdout.write(ALT_SCREEN_ON + CLEAR_SCREEN);
  try {
    let memory: WatchMemory | undefined;
    for (;;) {
      const leave = await showTable({ ...options, stdin, stdout, now }, ringBell, memory, fullScreen);
      if (leave.kind === 'quit') return;
      // The attach draws the agent's screen; none of the table may show through it.
      if (fullScreen) stdout.write(CLEAR_SCREEN);
      memory = { ...leave.memory, notice: await attachTo(options, leave) };
      if (fullScreen) stdout.write(CLEAR_SCREEN);
    }
  } finally {
    if (fullScreen) stdout.write(ALT_SCREEN_OFF);
  }
}

async function showTable(
  options: Required<Pick<WatchOptions, 'source' | 'stdin' | 'stdout' | 'now'>>,
  onBell: () => void,
  memory: WatchMemory | undefined,
  fullScreen: boolean,
): Promise<WatchLeave> {
  let leave: WatchLeave = { kind: 'quit' };
  // A terminal that narrows re-wraps the old frame into more lines than Ink knows to erase. Registered
  // before Ink's own resize listener, so the clear comes first and Ink redraws on a blank screen.
  const clearOnResize = () => void options.stdout.write(CLEAR_SCREEN);
  if (fullScreen) options.stdout.on('resize', clearOnResize);
  const instance = render(
    h(WatchApp, { source: options.source, now: options.now, onBell, memory, onLeave: (chosen) => (leave = chosen) }),
    { stdin: options.stdin, stdout: options.stdout, exitOnCtrlC: false, patchConsole: false },
  );
  try {
    await instance.waitUntilExit();
  } finally {
    options.stdout.off('resize', clearOnResize);
  }
  return leave;
}

async function attachTo(options: WatchOptions, leave: Extract<WatchLeave, { kind: 'attach' }>) {
  try {
    await options.attach(leave.row);
    return { tone: 'info', text: `detached from ${taskLabel(leave.row)}` } as const;
  } catch (error) {
    return { tone: 'error', text: describeError(error) } as const;
  }
}
