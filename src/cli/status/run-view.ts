import type { Lease, NodeRecord, RunRecord } from '../../store/types.js';
import { displayStateOf } from './run-liveness.js';
import type { DisplayState } from './run-liveness.js';

/** A run as `status` shows it: the record without its DOT source, plus what the lease says. */
export type RunView = Omit<RunRecord, 'source'> & {
  displayState: DisplayState;
  /** Wall time so far: to the end, to the last update for a stopped run, to now for a live one. */
  durationMs: number;
  lease: Lease | undefined;
  /** The human gate a live run waits at (then displayState is `waiting`). */
  waitingAt?: string;
  /** The open human task the run's gate waits on (issue 10), while the run waits or is interrupted. */
  humanTask?: string;
};

/** `gate`: the wait.human node the run's process is running now, if any (waitingGateOf). */
export function toRunView(run: RunRecord, lease: Lease | undefined, now: number, gate?: string, task?: { id: string; nodeId: string }): RunView {
  const { source: _source, ...rest } = run;
  const live = displayStateOf(run, lease, now);
  const displayState = live === 'running' && gate !== undefined ? 'waiting' : live;
  const end = run.finishedAt ?? (live === 'running' ? now : run.updatedAt);
  const waitsOnTask = task !== undefined && (displayState === 'waiting' || displayState === 'interrupted' || displayState === 'interrupted?');
  return {
    ...rest,
    ...(displayState === 'waiting' && { currentNode: gate, waitingAt: gate }),
    ...(waitsOnTask && { humanTask: task.id }),
    displayState,
    durationMs: Math.max(0, end - run.startedAt),
    lease,
  };
}

/** The human gate among a run's node records that has started and not ended (the newest one). */
export function waitingGateOf(nodes: readonly Pick<NodeRecord, 'nodeId' | 'handler' | 'status'>[]): string | undefined {
  return nodes.findLast((node) => node.status === 'running' && node.handler === 'wait.human')?.nodeId;
}
