import type { HumanTask } from '../../store/human-task-types.js';
import { humanTaskNotFoundError } from '../../store/store-errors.js';
import type { HumanTaskServiceContext } from './context.js';

/** The task in the caller's tenant, or E_HUMAN_TASK_NOT_FOUND (also for another tenant's). */
export async function requireTask(ctx: HumanTaskServiceContext, id: string): Promise<HumanTask> {
  const task = await ctx.store.getHumanTask(ctx.scope, id);
  if (!task) throw humanTaskNotFoundError(id);
  return task;
}
