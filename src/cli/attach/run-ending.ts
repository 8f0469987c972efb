import type { RunEvent } from '../../core/index.js';
import type { RunRecord } from '../../store/types.js';
import type { RunEnding } from '../output/result-line.js';

/** The result line's facts from a run's terminal event (what `attach` saw). */
export function endingFromEvent(event: RunEvent, run: RunRecord): RunEnding {
  switch (event.type) {
    case 'run.completed':
      return { runId: run.id, state: 'completed', outcome: event.status, durationMs: event.durationMs, lastNode: run.currentNode };
    case 'run.failed':
      return {
        runId: run.id,
        state: 'failed',
        error: { message: event.error, ...(event.code !== undefined && { code: event.code }), ...(event.node !== undefined && { node: event.node }) },
        durationMs: event.durationMs,
        lastNode: run.currentNode,
      };
    default:
      return endingFromRecord(run, event.type === 'run.interrupted' ? (event.node ?? run.currentNode) : run.currentNode);
  }
}

/** The same facts from the run record alone, for a run that stopped without a terminal event. */
export function endingFromRecord(run: RunRecord, lastNode: string | undefined = run.currentNode): RunEnding {
  const durationMs = Math.max(0, (run.finishedAt ?? run.updatedAt) - run.startedAt);
  const base = { runId: run.id, durationMs, ...(lastNode !== undefined && { lastNode }) };
  switch (run.state) {
    case 'completed':
      return { ...base, state: 'completed', ...(run.outcome !== undefined && { outcome: run.outcome }) };
    case 'failed':
      return { ...base, state: 'failed', error: { message: run.error ?? 'the run failed' } };
    default:
      return { ...base, state: 'interrupted' };
  }
}
