import type { StageStatus } from '../../../core/events.js';
import type { ParallelResult } from '../parallel/parallel-results.js';

const statusRank: Record<StageStatus, number> = { success: 0, partial_success: 1, retry: 2, fail: 3, skipped: 4 };

/** Best first (Attractor §4.9): by status (SUCCESS, PARTIAL_SUCCESS, RETRY, FAIL, SKIPPED), then higher score, then id. */
export function rankCandidates(results: readonly ParallelResult[]): ParallelResult[] {
  return [...results].sort(
    (a, b) => statusRank[a.status] - statusRank[b.status] || (b.score ?? -Infinity) - (a.score ?? -Infinity) || compareIds(a.id, b.id),
  );
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
