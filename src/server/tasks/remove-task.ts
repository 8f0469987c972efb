import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { branchExists, deleteBranch, dirtyFiles, removeWorktree, runGit, tryGit } from '../../workspace/index.js';
import type { ServiceContext } from './service-context.js';
import { stopAgent } from './task-actions.js';
import { taskLogFile } from './task-paths.js';
import { removeTaskLeftovers } from './task-leftovers.js';

/**
 * `orchestra rm`: the task file, its worktree, branch and logs. Work that would be lost (a running
 * agent, uncommitted changes, a branch not merged) needs --force.
 */
export async function removeTask(ctx: ServiceContext, projectRoot: string, ref: string, force: boolean): Promise<{ id: number; slug: string }> {
  const task = await ctx.files(projectRoot).get(ref);
  const agent = ctx.liveAgent(projectRoot, task.id);
  const worktree = task.worktree !== undefined && existsSync(task.worktree) ? task.worktree : undefined;
  if (!force) {
    const reasons: string[] = [];
    if (agent !== undefined) reasons.push('its agent is running');
    if (worktree !== undefined) {
      const dirty = await dirtyFiles(worktree);
      if (dirty.length > 0) reasons.push(`its worktree has uncommitted changes (${dirty.slice(0, 5).join(', ')})`);
    }
    if (task.branch !== undefined && (await hasUnmergedWork(projectRoot, task.branch, task.baseBranch))) {
      reasons.push(`its branch ${task.branch} has work not merged into ${task.baseBranch}`);
    }
    if (reasons.length > 0) {
      throw new OrchestraError(ErrorCode.TASK_STATE, `not removing task ${task.id} (${task.slug}): ${reasons.join('; ')}.`, {
        hint: `Merge it (orchestra merge ${task.id}), or remove it anyway: orchestra rm ${task.id} --force`,
      });
    }
  }
  if (agent !== undefined) await stopAgent(agent, 'stop');
  await ctx.options.state.removeAgent(projectRoot, task.id);
  // Also when its directory is gone: git keeps the registration (and refuses to delete the branch) until pruned.
  if (task.worktree !== undefined) await removeWorktree({ root: projectRoot, path: task.worktree, force: true });
  if (task.branch !== undefined) await deleteBranch(projectRoot, task.branch).catch(() => undefined);
  const logFile = taskLogFile(ctx.options.home, projectRoot, task);
  await rm(logFile, { force: true });
  await ctx.files(projectRoot).remove(task.id);
  await removeTaskLeftovers(ctx.options.home, projectRoot, task, [logFile, ...(task.worktree === undefined ? [] : [task.worktree])]);
  ctx.emit({ projectRoot, taskId: task.id, slug: task.slug, kind: 'removed' });
  return { id: task.id, slug: task.slug };
}

/**
 * Whether `branch` holds changes that `baseBranch` lacks. Asked of git, not of the status: a completed
 * task may never have been merged, and a squash or rebase merge leaves commits that are not ancestors
 * of the base although their changes are in it. So: would merging the branch change the base's tree?
 */
async function hasUnmergedWork(root: string, branch: string, baseBranch: string): Promise<boolean> {
  if (!(await branchExists(root, branch))) return false;
  if (!(await branchExists(root, baseBranch))) return true;
  const ahead = (await runGit(root, ['rev-list', '--count', `${baseBranch}..${branch}`])).trim();
  if (ahead === '0') return false;
  // Exit 1 is a conflict: surely unmerged. Anything else (an old git without --write-tree) counts as unmerged too.
  const merged = await tryGit(root, ['merge-tree', '--write-tree', baseBranch, branch]);
  if (merged.exitCode !== 0) return true;
  const baseTree = (await runGit(root, ['rev-parse', `${baseBranch}^{tree}`])).trim();
  return merged.stdout.split('\n')[0]?.trim() !== baseTree;
}
