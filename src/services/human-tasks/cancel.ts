import { cancel } from '../../humans/tasks/transitions.js';
import type { HumanTask } from '../../store/human-task-types.js';
import type { HumanTaskServiceContext } from './context.js';
import { parseInput } from './parse-input.js';
import { cancelInput } from './schemas.js';

/** Cancels a task of the caller's tenant: its creator or an admin may. */
export async function cancelHumanTask(ctx: HumanTaskServiceContext, input: { id: string; reason?: string }): Promise<HumanTask> {
  const parsed = parseInput(cancelInput, input, 'cancel a human task');
  const task = await ctx.store.updateHumanTask(ctx.scope, parsed.id, cancel(ctx.actor, ctx.now(), parsed.reason));
  await ctx.notices?.announce(task, 'cancelled');
  return task;
}
