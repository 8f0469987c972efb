import { apiGet, apiSend } from '../lib/api';
import type { DisplayState, RunDetailFull } from './types';
import { refusalText } from './use-action';

/*
 * The runs list's bulk actions. Retry means: resume a run that stopped part way (interrupted, or
 * stalled: nothing drives it), replay a failed or completed one from its last checkpoint that has
 * a next node. Each run's answer is kept: one refusal does not stop the others.
 */

export type RetryWay = 'resume' | 'replay';

export function retryWay(state: DisplayState): RetryWay | undefined {
  switch (state) {
    case 'interrupted':
    case 'interrupted?':
      return 'resume';
    case 'failed':
    case 'completed':
      return 'replay';
    default:
      return undefined;
  }
}

export function cancellable(state: DisplayState): boolean {
  return state === 'running' || state === 'waiting';
}

export interface BulkResult {
  runId: string;
  ok: boolean;
  /** What happened: the new run of a replay, or the server's refusal. */
  message: string;
}

export async function bulkCancel(runIds: readonly string[]): Promise<BulkResult[]> {
  return Promise.all(runIds.map((runId) => settle(runId, async () => {
    const result = await apiSend<{ displayState: string }>('POST', `/runs/${encodeURIComponent(runId)}/cancel`);
    return `now ${result.displayState}`;
  })));
}

export async function bulkRetry(runs: ReadonlyArray<{ id: string; displayState: DisplayState }>): Promise<BulkResult[]> {
  return Promise.all(runs.map((run) => settle(run.id, async () => {
    const way = retryWay(run.displayState);
    const id = encodeURIComponent(run.id);
    if (way === 'resume') {
      await apiSend('POST', `/runs/${id}/resume`);
      return 'resumed';
    }
    if (way === undefined) throw new Error(`it is ${run.displayState}: nothing to retry`);
    const detail = await apiGet<RunDetailFull>(`/runs/${id}`);
    const from = detail.checkpoints.filter((checkpoint) => checkpoint.nextNode !== null).at(-1);
    if (from === undefined) throw new Error('no checkpoint to replay from');
    const started = await apiSend<{ runId: string }>('POST', `/runs/${id}/replay`, { checkpoint: from.seq });
    return `replayed as ${started.runId}`;
  })));
}

async function settle(runId: string, call: () => Promise<string>): Promise<BulkResult> {
  try {
    return { runId, ok: true, message: await call() };
  } catch (error) {
    return { runId, ok: false, message: refusalText(error) };
  }
}
