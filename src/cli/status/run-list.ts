import { formatDuration } from '../../core/index.js';
import type { Palette } from '../output/color.js';
import { formatTimestamp } from '../output/format-time.js';
import { formatTable } from '../output/table.js';
import type { DisplayState } from './run-liveness.js';
import type { RunView } from './run-view.js';
import { escapeTerminalFields } from '../../core/terminal-text.js';

/** The `orchestra runs` table, newest first as given. */
export function formatRunList(runs: readonly RunView[], palette: Palette): string {
  // Pipeline and node names come from the pipeline file. A damaged run (its row does not parse) is
  // listed so that the others stay visible; `doctor` says more.
  const rows = escapeTerminalFields(runs).map((run) => [run.id, run.pipeline, run.damaged === undefined ? paintState(run.displayState, palette) : palette.red('damaged'), run.humanTask && run.displayState === 'waiting' ? `${run.currentNode ?? ''} (task ${run.humanTask})` : (run.currentNode ?? ''), formatTimestamp(run.startedAt), formatDuration(run.durationMs)]);
  return formatTable(['RUN', 'PIPELINE', 'STATE', 'NODE', 'STARTED', 'DURATION'], rows);
}

export function paintState(state: DisplayState, palette: Palette): string {
  switch (state) {
    case 'completed':
      return palette.green(state);
    case 'failed':
      return palette.red(state);
    case 'running':
      return palette.cyan(state);
    default:
      return palette.yellow(state);
  }
}
