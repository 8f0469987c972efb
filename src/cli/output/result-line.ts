import { ExitCode, formatDuration } from '../../core/index.js';
import type { StageStatus } from '../../core/index.js';
import type { Palette } from './color.js';
import { escapeTerminalFields } from '../../core/terminal-text.js';

/** How a run ended: the engine's RunResult, or the same facts read back from a terminal event. */
export interface RunEnding {
  runId: string;
  state: 'completed' | 'failed' | 'interrupted';
  outcome?: StageStatus;
  error?: { code?: string; message: string; node?: string };
  durationMs: number;
  lastNode?: string;
}

/** The last line of `run`, `resume`, `replay` and `attach`: what happened, and the command to go on with. */
export function formatResultLine(raw: RunEnding, palette: Palette): string {
  // The error message and node names come from files and models.
  const ending = escapeTerminalFields(raw);
  const id = ending.runId;
  const took = formatDuration(ending.durationMs);
  switch (ending.state) {
    case 'completed':
      return `${palette.green('✓')} Run ${id} completed (${ending.outcome ?? 'success'}) in ${took}. Inspect it: orchestra runs ${id} --detail`;
    case 'failed': {
      const node = ending.error?.node ?? ending.lastNode;
      const where = node ? ` at node ${node}` : '';
      const why = ending.error?.message ? `: ${withoutNodePrefix(ending.error.message, node)}` : '';
      return `${palette.red('✗')} Run ${id} failed${where} after ${took}${why}. Inspect it: orchestra runs ${id} --detail; run it again from a checkpoint: orchestra replay ${id} --checkpoint <n>`;
    }
    case 'interrupted': {
      const where = ending.lastNode ? ` at node ${ending.lastNode}` : '';
      return `${palette.yellow('■')} Run ${id} interrupted${where} after ${took}. Resume it: orchestra resume ${id}`;
    }
  }
}

/** The process exit code for how a run ended (documented in docs/cli.md). */
export function exitCodeForEnding(state: RunEnding['state']): number {
  switch (state) {
    case 'completed':
      return ExitCode.OK;
    case 'failed':
      return ExitCode.FAILED;
    case 'interrupted':
      return ExitCode.INTERRUPTED;
  }
}

/** The line already names the node: drop the engine's own `Node "x" failed: ` lead-in. */
function withoutNodePrefix(message: string, node: string | undefined): string {
  const prefix = `Node "${node}" failed: `;
  return node !== undefined && message.startsWith(prefix) ? message.slice(prefix.length) : message;
}
