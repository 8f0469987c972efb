import type { Clock } from '../../../core/clock.js';
import { isOrchestraError } from '../../../core/errors.js';
import type { TenantScope } from '../../../core/tenant-scope.js';
import { firstTimers, resolveSla } from '../../../humans/sla/index.js';
import { taskOutcome } from '../task-outcome.js';
import { answer as answerTransition, validateForm, type Actor } from '../../../humans/tasks/index.js';
import type { HumanTask, JsonObject } from '../../../store/human-task-types.js';
import type { Store } from '../../../store/store.js';
import type { WorkflowHumanTasks } from '../deps.js';

/*
 * The human-task port over the store directly, for tests (the services layer implements it for real,
 * with people checks and notifications): the form and SLA are checked as the services check them.
 */

export function storeHumanTasks(store: Store, scope: TenantScope, clock: Clock): WorkflowHumanTasks {
  return {
    async open(request) {
      if (await store.getHumanTask(scope, request.id)) return;
      const form = validateForm(request.form);
      const { slaMs, chain } = resolveSla({ ...(request.sla !== undefined && { sla: request.sla }), ...(request.escalation && { escalation: request.escalation }) }, form);
      const now = clock.now();
      const task = {
        id: request.id, title: request.title, description: request.description, form, context: request.context,
        ...(request.assignee && { assignee: request.assignee }), ...(request.priority && { priority: request.priority }),
        ...(slaMs !== undefined && { dueAt: now + slaMs }), escalationChain: chain,
        createdBy: { kind: 'workflow' as const, workflowId: request.workflowId, step: request.step }, actor: 'system', createdAt: now,
      };
      try {
        await store.createHumanTask(scope, task, firstTimers({ id: task.id, createdAt: now, escalationChain: chain }, now));
      } catch (error) {
        // Another replay created it first: it is the same task.
        if (!(isOrchestraError(error) && (await store.getHumanTask(scope, request.id)))) throw error;
      }
    },
    async take(id) {
      const taken = await store.takeHumanTaskAnswer(scope, id, clock.now());
      return taskOutcome(taken ?? (await store.getHumanTask(scope, id)));
    },
  };
}


/** Answers as `by` would from the inbox; the store wakes the workflow waiting on the task. */
export async function answerWorkflowTask(store: Store, scope: TenantScope, clock: Clock, taskId: string, by: string, given: JsonObject): Promise<HumanTask> {
  const actor: Actor = { id: by, groups: ['support-l1'], admin: true };
  return store.updateHumanTask(scope, taskId, answerTransition(actor, given, clock.now()));
}
