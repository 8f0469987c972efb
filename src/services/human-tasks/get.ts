import type { HumanTask } from '../../store/human-task-types.js';
import type { HumanTaskServiceContext } from './context.js';
import { parseInput } from './parse-input.js';
import { requireTask } from './require-task.js';
import { taskIdInput } from './schemas.js';

/** One task of the caller's tenant, with its form, context and history. */
export async function getHumanTask(ctx: HumanTaskServiceContext, input: { id: string }): Promise<HumanTask> {
  const { id } = parseInput(taskIdInput, input, 'show a human task');
  return requireTask(ctx, id);
}
