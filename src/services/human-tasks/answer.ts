import { answer } from '../../humans/tasks/transitions.js';
import type { HumanTask } from '../../store/human-task-types.js';
import type { HumanTaskServiceContext } from './context.js';
import { parseInput } from './parse-input.js';
import { answerInput } from './schemas.js';

/**
 * Answers a task of the caller's tenant. A bad answer is E_FORM_INVALID with every field's problem
 * and the task stays as it was; an answer to a task already answered is E_HUMAN_TASK_STATE.
 */
export async function answerHumanTask(ctx: HumanTaskServiceContext, input: { id: string; answer: Record<string, unknown> }): Promise<HumanTask> {
  const parsed = parseInput(answerInput, input, 'answer a human task');
  const task = await ctx.store.updateHumanTask(ctx.scope, parsed.id, answer(ctx.actor, parsed.answer, ctx.now()));
  await ctx.notices?.announce(task, 'completed');
  return task;
}
