import { systemActor } from '../../humans/tasks/actor.js';
import { taskOutcome, type WorkflowHumanTasks, type WorkflowTaskRequest } from '../../workflows/runtime/index.js';
import type { HumanTaskServiceContext } from '../human-tasks/context.js';
import { createHumanTask } from '../human-tasks/create.js';

/** The human-task services' context without an actor: the system creates a workflow's tasks. */
export type WorkflowTaskContext = Omit<HumanTaskServiceContext, 'actor'>;

/**
 * A workflow's task() over the human-task services (issue 11): the task is created as the CLI's
 * are (form, assignee and escalation targets checked against `people:`, the SLA's first timer in the
 * same transaction, `created` notices through the context's notifier), by the system on the
 * workflow's behalf, in the instance's tenant. Its answer is taken exactly once (takeHumanTaskAnswer).
 */
export function workflowHumanTasks(ctx: WorkflowTaskContext): WorkflowHumanTasks {
  const system: HumanTaskServiceContext = { ...ctx, actor: systemActor };
  return {
    async open(request) {
      if (await ctx.store.getHumanTask(ctx.scope, request.id)) return;
      try {
        await createHumanTask(system, createInput(request), `the form of task "${request.step}"`);
      } catch (error) {
        // Two replays opening the same position at once: the first one's task is the task.
        if (!(await ctx.store.getHumanTask(ctx.scope, request.id))) throw error;
      }
    },
    async take(id) {
      const taken = await ctx.store.takeHumanTaskAnswer(ctx.scope, id, ctx.now());
      return taskOutcome(taken ?? (await ctx.store.getHumanTask(ctx.scope, id)));
    },
  };
}

function createInput(request: WorkflowTaskRequest) {
  const { id, title, description, form, context, assignee, priority, sla, escalation, workflowId, step } = request;
  return {
    id, title, form, context,
    ...(description !== '' && { description }),
    ...(assignee && { assignee }),
    ...(priority && { priority }),
    ...(sla !== undefined && { sla }),
    ...(escalation && { escalation }),
    createdBy: { kind: 'workflow' as const, workflowId, step },
  };
}

