import type { Lease, RunRecord } from '../../store/types.js';
import { displayStateOf } from './run-liveness.js';
import type { DisplayState } from './run-liveness.js';

/** A run as `status` shows it: the record without its DOT source, plus what the lease says. */
export type RunView = Omit<RunRecord, 'source'> & {
  displayState: DisplayState;
  /** Wall time so far: to the end, to the last update for a stopped run, to now for a live one. */
  durationMs: number;
  lease: Lease | undefined;
};

export function toRunView(run: RunRecord, lease: Lease | undefined, now: number): RunView {
  const { source: _source, ...rest } = run;
  const displayState = displayStateOf(run, lease, now);
  const end = run.finishedAt ?? (displayState === 'running' ? now : run.updatedAt);
  return { ...rest, displayState, durationMs: Math.max(0, end - run.startedAt), lease };
}
