import { resolveAssignee } from '../../humans/people/resolve-assignee.js';
import { firstTimers, resolveSla } from '../../humans/sla/index.js';
import { createHumanTaskId } from '../../humans/tasks/task-id.js';
import { validateForm } from '../../humans/tasks/validate-form.js';
import type { HumanTask, JsonObject } from '../../store/human-task-types.js';
import type { HumanTaskServiceContext } from './context.js';
import { parseInput } from './parse-input.js';
import { createInput, type CreateHumanTaskInput } from './schemas.js';

/**
 * Creates a human task in the caller's tenant: the form checked field by field (E_FORM_INVALID),
 * the assignee checked against `people:` (E_UNKNOWN_PERSON), the due time from `sla` or `dueAt`,
 * and the escalation chain (resolveSla; each reassign target checked against `people:` too).
 */
export async function createHumanTask(ctx: HumanTaskServiceContext, input: CreateHumanTaskInput, formName = 'the form'): Promise<HumanTask> {
  const parsed = parseInput(createInput, input, 'create a human task');
  const form = validateForm(parsed.form, formName);
  const now = ctx.now();
  const assignee = parsed.assignee === undefined ? undefined : resolveAssignee(ctx.people, parsed.assignee, 'assignee');
  const sla = resolveSla(parsed, form);
  sla.chain.forEach((step, index) => step.reassign && resolveAssignee(ctx.people, step.reassign, `escalation[${index}].reassign`));
  const dueAt = sla.slaMs !== undefined ? now + sla.slaMs : parsed.dueAt;
  const id = parsed.id ?? createHumanTaskId(now);
  const escalationChain = sla.chain.length > 0 ? sla.chain : undefined;
  // The chain's first timer is stored in the same transaction as the task: no task without its SLA.
  const task = await ctx.store.createHumanTask(ctx.scope, {
    id,
    ...(parsed.kind !== undefined && { kind: parsed.kind }),
    title: parsed.title,
    ...(parsed.description !== undefined && { description: parsed.description }),
    form,
    ...(parsed.context !== undefined && { context: parsed.context as JsonObject }),
    ...(assignee && { assignee }),
    ...(parsed.priority !== undefined && { priority: parsed.priority }),
    ...(dueAt !== undefined && { dueAt }),
    ...(escalationChain && { escalationChain }),
    createdBy: parsed.createdBy ?? { kind: 'api', by: ctx.actor.id },
    actor: ctx.actor.id,
    createdAt: now,
  }, firstTimers({ id, createdAt: now, ...(dueAt !== undefined && { dueAt }), ...(escalationChain && { escalationChain }) }, now, ctx.notices?.dueSoon));
  await ctx.notices?.announce(task, 'created');
  return task;
}
