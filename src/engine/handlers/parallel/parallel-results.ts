import type { StageStatus } from '../../../core/events.js';
import type { BranchResult } from '../../handler.js';

/** One entry of `parallel.results` in the context (decision 6). Absent values are null, so the shape is stable in JSON. */
export interface ParallelResult {
  id: string;
  status: StageStatus;
  notes: string | null;
  failure_reason: string | null;
  last_node: string;
  score: number | null;
  context_updates: Record<string, unknown>;
}

export const PARALLEL_RESULTS_KEY = 'parallel.results';

export function toParallelResult(result: BranchResult): ParallelResult {
  return {
    id: result.id,
    status: result.status,
    notes: result.notes ?? null,
    failure_reason: result.failureReason ?? null,
    last_node: result.lastNode,
    score: result.score ?? null,
    context_updates: result.contextUpdates,
  };
}
