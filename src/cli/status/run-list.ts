import { formatDuration } from '../../core/index.js';
import type { Palette } from '../output/color.js';
import { formatTimestamp } from '../output/format-time.js';
import { formatTable } from '../output/table.js';
import type { DisplayState } from '../../services/runs/run-liveness.js';
import type { RunView } from '../../services/runs/run-view.js';
import { escapeTerminalFields } from '../../core/terminal-text.js';
import { instanceRunRow, instanceStart, type ListedInstance } from './guided-rows.js';
import { newestFirst } from './workflow-rows.js';

/** The `orchestra runs` table, newest first: the runs as given, with workflow instances (issue 11) and guided ones (issue 13) merged in by start time. */
export function formatRunList(runs: readonly RunView[], palette: Palette, instances: readonly ListedInstance[] = [], now = Date.now()): string {
  // Pipeline and node names come from the pipeline file. A damaged run (its row does not parse) is
  // listed so that the others stay visible; `doctor` says more.
  const rows = newestFirst(escapeTerminalFields(runs), (run) => run.startedAt, instances, instanceStart).map((entry) =>
    'run' in entry ? runRow(entry.run, palette) : instanceRunRow(entry.workflow, now, palette),
  );
  return formatTable(['RUN', 'PIPELINE', 'STATE', 'NODE', 'STARTED', 'DURATION'], rows);
}

function runRow(run: RunView, palette: Palette): string[] {
  return [run.id, run.pipeline, run.damaged === undefined ? paintState(run.displayState, palette) : palette.red('damaged'), run.humanTask && run.displayState === 'waiting' ? `${run.currentNode ?? ''} (task ${run.humanTask})` : (run.currentNode ?? ''), formatTimestamp(run.startedAt), formatDuration(run.durationMs)];
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
