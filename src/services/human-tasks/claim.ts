import { claim } from '../../humans/tasks/transitions.js';
import type { HumanTask } from '../../store/human-task-types.js';
import type { HumanTaskServiceContext } from './context.js';
import { parseInput } from './parse-input.js';
import { taskIdInput } from './schemas.js';

/** Claim a human task in the caller's tenant (docs/human-tasks.md). */
export async function claimHumanTask(ctx: HumanTaskServiceContext, input: { id: string }): Promise<HumanTask> {
  const { id } = parseInput(taskIdInput, input, 'claim a human task');
  const task = await ctx.store.updateHumanTask(ctx.scope, id, claim(ctx.actor, ctx.now()));
  // Claiming is assigning to oneself (docs/notifications.md: `assigned`).
  await ctx.notices?.announce(task, 'assigned');
  return task;
}
