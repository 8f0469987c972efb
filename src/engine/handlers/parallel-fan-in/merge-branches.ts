import { isSuccessful } from '../../../core/outcome.js';
import type { MergeResult, RunWorkspace } from '../../../workspace/run-workspace/types.js';
import type { HandlerInput } from '../../handler.js';
import type { BranchWorkspaceRef, ParallelResult } from '../parallel/parallel-results.js';
import { abortWith, messageOf, resolveWithAgent, type MergeConflict, type NamedConflict } from './resolve-conflict.js';

export type MergeVerdict = { ok: true; merged: string[] } | { ok: false; failureReason: string };

type Mergeable = ParallelResult & { workspace: BranchWorkspaceRef };

/**
 * The fan-in's merge (issue 14): the work of every branch that succeeded (success or
 * partial_success) goes into the walk's workspace, in branch index order (the parallel node's
 * edge order), one merge commit per branch that changed anything. Failed and skipped branches are
 * not merged; their git branches stay for people to look at (`orchestra cleanup` removes them).
 * A conflict fails the fan-in naming the repo, the branch and the files, the merge aborted, unless
 * `on_conflict` is `agent`: then the fan-in node's backend resolves it (resolve-conflict.ts).
 * Merged branch workspaces are disposed once the fan-in's outcome is committed. Undefined without a workspace:
 * the fan-in then does what it always did.
 */
export async function mergeBranchWork(input: HandlerInput, results: readonly ParallelResult[]): Promise<MergeVerdict | undefined> {
  const workspace = input.run.workspace;
  if (!workspace) return undefined;
  const mergeable = results.filter((r): r is Mergeable => r.workspace !== undefined && isSuccessful(r.status)).sort((a, b) => a.workspace.index - b.workspace.index);
  if (mergeable.length === 0) return { ok: true, merged: [] };

  let result: MergeResult;
  const branches: RunWorkspace[] = [];
  try {
    // One at a time: each opens worktrees in the same repositories.
    for (const r of mergeable) branches.push(await workspace.branch(r.workspace.node, r.workspace.index));
    result = await workspace.merge(branches, { runId: input.run.id, node: input.node.id });
  } catch (error) {
    if (input.signal.aborted) throw error;
    return { ok: false, failureReason: `Could not merge the branches' work into the run's workspace: ${messageOf(error)}` };
  }

  // Each conflict is a later branch or repo than the one before; the bound only guards against a loop.
  const most = mergeable.length * Math.max(1, Object.keys(workspace.paths).length);
  for (let n = 1; result.kind === 'conflict'; n += 1) {
    const named = nameConflict(result, mergeable);
    if (workspace.onConflict !== 'agent') return { ok: false, failureReason: await abortWith(named) };
    if (n > most) return { ok: false, failureReason: await abortWith(named, 'too many conflicts in a row') };
    await input.services.emit({ type: 'log', level: 'info', message: `Merge conflict in repo "${result.repo}" (${result.files.join(', ')}): asking the agent to resolve it`, node: input.node.id });
    const next = await resolveWithAgent(input, named, n);
    if (typeof next === 'string') return { ok: false, failureReason: next };
    result = next;
  }

  // Only once the fan-in's checkpoint holds the merges: a crash before it resumes at the older
  // checkpoint, and the fan-in run again must still find the branches to merge.
  const dispose = () => disposeAll(input, branches);
  if (input.services.afterCommit) input.services.afterCommit(dispose);
  else await dispose();
  return { ok: true, merged: mergeable.map((r) => r.id) };
}

/** The notes' tail for a fan-in that merged (issue 14). */
export function mergedNote(merged: readonly string[]): string {
  return merged.length === 0 ? '; no branch work to merge' : `; merged the work of ${merged.map((id) => `"${id}"`).join(', ')} into the run's workspace`;
}

function nameConflict(conflict: MergeConflict, mergeable: readonly Mergeable[]): NamedConflict {
  return { conflict, branchId: mergeable.find((r) => r.workspace.branches[conflict.repo] === conflict.branch)?.id };
}

/** A worktree that cannot be removed is left for `orchestra cleanup`; the merge itself is done. */
async function disposeAll(input: HandlerInput, branches: readonly RunWorkspace[]): Promise<void> {
  for (const branch of branches) {
    try {
      await branch.dispose();
    } catch (error) {
      await input.services.emit({ type: 'log', level: 'warn', message: `Could not remove the merged branch worktree ${branch.primary}: ${messageOf(error)}`, node: input.node.id });
    }
  }
}
