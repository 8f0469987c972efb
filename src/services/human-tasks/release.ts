import { release } from '../../humans/tasks/transitions.js';
import type { HumanTask } from '../../store/human-task-types.js';
import type { HumanTaskServiceContext } from './context.js';
import { parseInput } from './parse-input.js';
import { taskIdInput } from './schemas.js';

/** Release a human task in the caller's tenant (docs/human-tasks.md). */
export async function releaseHumanTask(ctx: HumanTaskServiceContext, input: { id: string }): Promise<HumanTask> {
  const { id } = parseInput(taskIdInput, input, 'release a human task');
  return ctx.store.updateHumanTask(ctx.scope, id, release(ctx.actor, ctx.now()));
}
