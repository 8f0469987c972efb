import { resolveAssignee } from '../../humans/people/resolve-assignee.js';
import { reassign } from '../../humans/tasks/transitions.js';
import type { HumanTask } from '../../store/human-task-types.js';
import type { HumanTaskServiceContext } from './context.js';
import { parseInput } from './parse-input.js';
import { reassignInput } from './schemas.js';

/** Reassign a human task in the caller's tenant (docs/human-tasks.md). */
export async function reassignHumanTask(ctx: HumanTaskServiceContext, input: { id: string; to: string | { kind: 'user' | 'group'; id: string } }): Promise<HumanTask> {
  const parsed = parseInput(reassignInput, input, 'reassign a human task');
  const to = resolveAssignee(ctx.people, parsed.to, '--to');
  const task = await ctx.store.updateHumanTask(ctx.scope, parsed.id, reassign(ctx.actor, to, ctx.now()));
  await ctx.notices?.announce(task, 'assigned');
  return task;
}
