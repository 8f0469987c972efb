import { ErrorCode, OrchestraError } from '../../core/errors.js';
import type { Task, TaskEdit, TaskPatch } from '../../tasks/index.js';
import { requireBranch } from '../../workspace/require-branch.js';
import type { ServiceContext } from './service-context.js';

/**
 * `tasks.edit` (the API's `orchestra edit`): changes the description, slug, base branch or agent
 * through TaskFiles.update, which re-reads the file under its lock, so a hand edit of another field
 * made meanwhile is kept and the file stays the source of truth. A named agent or base branch must
 * exist (as at create). The status is not editable here: it moves only through start, stop, complete…
 */
export async function editTask(ctx: ServiceContext, projectRoot: string, ref: string, edit: TaskEdit): Promise<Task> {
  const task = await ctx.files(projectRoot).get(ref);
  const patch: TaskPatch = {};
  if (edit.description !== undefined) patch.description = edit.description;
  if (edit.slug !== undefined) patch.slug = edit.slug;
  if (edit.baseBranch !== undefined && edit.baseBranch !== task.baseBranch) {
    await requireBranch(projectRoot, edit.baseBranch, 'base branch');
    patch.baseBranch = edit.baseBranch;
  }
  if (edit.agent !== undefined && (edit.agent ?? undefined) !== task.agent) Object.assign(patch, await agentPatch(ctx, projectRoot, task, edit.agent));
  const edited = await ctx.files(projectRoot).update(task.id, patch);
  ctx.emit({ projectRoot, taskId: edited.id, slug: edited.slug, kind: 'edited', status: edited.status });
  return edited;
}

/** Another agent: its session id would mean nothing to the new agent's CLI, so it is cleared. */
async function agentPatch(ctx: ServiceContext, projectRoot: string, task: Task, agent: string | null): Promise<TaskPatch> {
  if (ctx.liveAgent(projectRoot, task.id) !== undefined) {
    throw new OrchestraError(ErrorCode.TASK_STATE, `task ${task.id} (${task.slug}) has a running agent; its agent cannot be changed now.`, {
      hint: `Stop it first: orchestra stop ${task.id}`,
    });
  }
  if (agent !== null) await ctx.options.profiles(projectRoot, agent);
  return { agent: agent ?? undefined, agentSession: undefined };
}
