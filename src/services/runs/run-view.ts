import type { Store } from '../../store/store.js';
import type { Lease, NodeRecord, RunRecord } from '../../store/types.js';
import type { OpenGateTask } from './gate-tasks-of-runs.js';
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
  /** How to answer it: `choice=<target>` for a gate's task, `message="…"` for a chat turn. */
  answerHint?: string;
};

/** `gate`: the wait.human node the run's process is running now, if any (waitingGateOf). */
export function toRunView(run: RunRecord, lease: Lease | undefined, now: number, gate?: string, task?: { id: string; nodeId: string; kind?: 'form' | 'chat' }): RunView {
  const { source: _source, ...rest } = run;
  const live = displayStateOf(run, lease, now);
  const displayState = live === 'running' && gate !== undefined ? 'waiting' : live;
  const end = run.finishedAt ?? (live === 'running' ? now : run.updatedAt);
  const waitsOnTask = task !== undefined && (displayState === 'waiting' || displayState === 'interrupted' || displayState === 'interrupted?');
  return {
    ...rest,
    ...(displayState === 'waiting' && { currentNode: gate, waitingAt: gate }),
    ...(waitsOnTask && { humanTask: task.id, answerHint: task.kind === 'chat' ? 'message="…"' : 'choice=<target>' }),
    displayState,
    durationMs: Math.max(0, end - run.startedAt),
    lease,
  };
}

/**
 * The human gate among a run's node records that has started and not ended (the newest one), or
 * the running node an open human task was created by (an interactive node's chat turn, issue 10).
 */
export function waitingGateOf(nodes: readonly Pick<NodeRecord, 'nodeId' | 'handler' | 'status'>[], taskNode?: string): string | undefined {
  return nodes.findLast((node) => node.status === 'running' && (node.handler === 'wait.human' || node.nodeId === taskNode))?.nodeId;
}

/** A run as listed: its lease read only while it runs, its node records only while it may wait at a gate. */
export async function viewOf(store: Store, run: RunRecord, now: number, tasks: ReadonlyMap<string, OpenGateTask>): Promise<RunView> {
  // Only a running run's lease matters (it tells running from abandoned).
  const lease = run.state === 'running' ? await store.getLease(run.id) : undefined;
  // Only a live run can be waiting at a gate; its open node records say which.
  const live = run.state === 'running' && toRunView(run, lease, now).displayState === 'running';
  const task = tasks.get(run.id);
  return toRunView(run, lease, now, live ? waitingGateOf(await store.listNodeRecords(run.id), task?.nodeId) : undefined, task);
}
