import { ErrorCode, OrchestraError } from '../../core/errors.js';
import type { Task } from '../../tasks/index.js';
import { commitPending, deleteBranch, mergeBranch, removeWorktree } from '../../workspace/index.js';
import type { ServiceContext } from './service-context.js';
import { stopAgent } from './task-actions.js';
import { setTaskStatus } from './task-status-updates.js';
import { removeTaskLeftovers } from './task-leftovers.js';

export interface MergeOptions {
  mode: 'merge' | 'squash' | 'rebase';
  /** Keep the worktree and the branch after a successful merge. */
  keep: boolean;
}

export interface MergeResult {
  task: Task;
  commit: string;
  files: string[];
  removedWorktree: boolean;
}

/**
 * `orchestra merge`: commits what the agent left uncommitted in its worktree, merges the task
 * branch into its base branch, and on success removes the worktree. A dirty main checkout or a
 * conflict refuses the merge and leaves everything as it was (workspace/merge-branch.ts).
 */
export async function mergeTask(ctx: ServiceContext, projectRoot: string, ref: string, options: MergeOptions): Promise<MergeResult> {
  const task = await ctx.files(projectRoot).get(ref);
  if (task.branch === undefined || task.worktree === undefined) {
    throw new OrchestraError(ErrorCode.TASK_STATE, `task ${task.id} (${task.slug}) was never started, so it has no branch to merge.`, {
      hint: `Start it first: orchestra start ${task.id}`,
    });
  }
  const agent = ctx.liveAgent(projectRoot, task.id);
  if (agent !== undefined && agent.currentActivity === 'working') {
    throw new OrchestraError(ErrorCode.TASK_STATE, `task ${task.id} (${task.slug}): its agent is still working.`, {
      hint: `Wait until it is idle, or stop it: orchestra stop ${task.id}`,
    });
  }
  await commitPending({ dir: task.worktree, message: `task ${task.id}: ${task.slug}\n\nWork left uncommitted by the agent, committed by orchestra merge.` });
  const merged = await mergeBranch({
    root: projectRoot,
    branch: task.branch,
    baseBranch: task.baseBranch,
    mode: options.mode,
    message: `Merge task ${task.id}: ${task.slug}`,
  });
  let removedWorktree = false;
  if (!options.keep) {
    if (agent !== undefined) await stopAgent(agent, 'merge');
    await removeWorktree({ root: projectRoot, path: task.worktree, force: true });
    await deleteBranch(projectRoot, task.branch);
    await removeTaskLeftovers(ctx.options.home, projectRoot, task, [task.worktree]);
    removedWorktree = true;
  }
  const current = await ctx.files(projectRoot).get(task.id);
  const patch = removedWorktree ? { worktree: undefined, branch: undefined } : {};
  const updated = await setTaskStatus(ctx, projectRoot, current, 'merged', patch);
  return { task: updated, commit: merged.commit, files: merged.files, removedWorktree };
}
