import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { deleteBranch, dirtyFiles, removeWorktree } from '../../workspace/index.js';
import type { ServiceContext } from './service-context.js';
import { stopAgent } from './task-actions.js';
import { taskLogFile } from './task-paths.js';

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
    if (task.branch !== undefined && task.status !== 'reviewed' && task.status !== 'completed' && task.status !== 'draft') reasons.push(`its branch ${task.branch} is not merged`);
    if (reasons.length > 0) {
      throw new OrchestraError(ErrorCode.TASK_STATE, `not removing task ${task.id} (${task.slug}): ${reasons.join('; ')}.`, {
        hint: `Merge it (orchestra merge ${task.id}), or remove it anyway: orchestra rm ${task.id} --force`,
      });
    }
  }
  if (agent !== undefined) await stopAgent(agent, 'stop');
  await ctx.options.state.removeAgent(projectRoot, task.id);
  if (worktree !== undefined) await removeWorktree({ root: projectRoot, path: worktree, force: true });
  if (task.branch !== undefined) await deleteBranch(projectRoot, task.branch).catch(() => undefined);
  await rm(taskLogFile(ctx.options.home, projectRoot, task), { force: true });
  await ctx.files(projectRoot).remove(task.id);
  ctx.emit({ projectRoot, taskId: task.id, slug: task.slug, kind: 'removed' });
  return { id: task.id, slug: task.slug };
}
