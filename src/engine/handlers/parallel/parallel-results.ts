import type { StageStatus } from '../../../core/events.js';
import { isSuccessful } from '../../../core/outcome.js';
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
  /** Where the branch's work is when the run has a workspace (issue 14); absent without one. */
  workspace?: BranchWorkspaceRef;
}

/**
 * A branch's worktrees, by what the fan-in needs to open them again (`RunWorkspace.branch(node,
 * index)` reopens them) and the git branch per repo (for people and prompts). Plain data: the
 * context is checkpointed as JSON.
 */
export interface BranchWorkspaceRef {
  /** The parallel node. */
  node: string;
  /** The branch's position among the parallel node's outgoing edges, from 0: the merge order. */
  index: number;
  branches: Record<string, string>;
}

export const PARALLEL_RESULTS_KEY = 'parallel.results';

/** `node` and `index` place the branch (its parallel node, its edge's position) for its workspace. */
export function toParallelResult(result: BranchResult, node?: string, index?: number): ParallelResult {
  const workspace = result.workspaceBranches && node !== undefined && index !== undefined ? { node, index, branches: result.workspaceBranches } : undefined;
  return {
    id: result.id,
    status: result.status,
    notes: result.notes ?? null,
    failure_reason: result.failureReason ?? null,
    last_node: result.lastNode,
    score: result.score ?? null,
    context_updates: result.contextUpdates,
    ...(workspace && { workspace }),
  };
}

export function countBranches(results: readonly Pick<BranchResult, 'status'>[]): { successCount: number; failureCount: number } {
  return {
    successCount: results.filter((r) => isSuccessful(r.status)).length,
    failureCount: results.filter((r) => r.status === 'fail').length,
  };
}

/**
 * The context keys other Attractor engines set after a fan-out (issue 9), for edge conditions such
 * as `parallel.fail_count=0` or `parallel.branch.lint.status=success`: one status per branch id,
 * and how many branches succeeded (success or partial_success) and failed.
 */
export function parallelCountUpdates(results: readonly Pick<BranchResult, 'id' | 'status'>[]): Record<string, unknown> {
  const { successCount, failureCount } = countBranches(results);
  const updates: Record<string, unknown> = { 'parallel.success_count': successCount, 'parallel.fail_count': failureCount };
  for (const result of results) updates[`parallel.branch.${result.id}.status`] = result.status;
  return updates;
}
