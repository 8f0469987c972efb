import type { Outcome } from '../../../core/outcome.js';
import type { Store } from '../../../store/store.js';
import type { Checkpoint, RunRecord } from '../../../store/types.js';

export type ChildStatus = 'running' | 'completed' | 'failed';

/** How the child run ended, as its handle reported it; undefined while it runs. */
export interface ChildSettlement {
  status: Outcome['status'];
  error?: string;
}

export interface ChildTelemetry {
  status: ChildStatus;
  /** The child's final status (`success`, `fail`, ...), empty while it runs. */
  outcome: string;
  currentNode: string;
  completedCount: number;
  error: string;
}

/**
 * What `observe` learns about the child (decision 20), from the store, which is the truth; the
 * handle's settlement fills in when the store has not recorded the end yet.
 */
export function childTelemetry(run: RunRecord | undefined, checkpoint: Checkpoint | undefined, settled: ChildSettlement | undefined): ChildTelemetry {
  let status: ChildStatus = 'running';
  if (run?.state === 'completed') status = 'completed';
  else if (run?.state === 'failed' || run?.state === 'interrupted') status = 'failed';
  else if (settled) status = settled.error !== undefined ? 'failed' : 'completed';
  return {
    status,
    outcome: status === 'running' ? '' : (run?.outcome ?? settled?.status ?? (status === 'failed' ? 'fail' : '')),
    currentNode: run?.currentNode ?? checkpoint?.currentNode ?? '',
    completedCount: checkpoint?.completedNodes.length ?? 0,
    error: run?.error ?? settled?.error ?? '',
  };
}

export async function observeChild(store: Store, runId: string, settled: ChildSettlement | undefined): Promise<ChildTelemetry> {
  const [run, checkpoint] = await Promise.all([store.getRun(runId), store.latestCheckpoint(runId)]);
  return childTelemetry(run, checkpoint, settled);
}

/** The context keys `observe` writes (decision 20). */
export function telemetryUpdates(telemetry: ChildTelemetry): Record<string, unknown> {
  return {
    'stack.child.status': telemetry.status,
    'stack.child.outcome': telemetry.outcome,
    'stack.child.current_node': telemetry.currentNode,
    'stack.child.completed_count': telemetry.completedCount,
  };
}
