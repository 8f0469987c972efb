import { claim } from '../../humans/tasks/transitions.js';
import type { HumanTask } from '../../store/human-task-types.js';
import type { HumanTaskServiceContext } from './context.js';
import { parseInput } from './parse-input.js';
import { taskIdInput } from './schemas.js';

/** Claim a human task in the caller's tenant (docs/human-tasks.md). */
export async function claimHumanTask(ctx: HumanTaskServiceContext, input: { id: string }): Promise<HumanTask> {
  const { id } = parseInput(taskIdInput, input, 'claim a human task');
  return ctx.store.updateHumanTask(ctx.scope, id, claim(ctx.actor, ctx.now()));
}
