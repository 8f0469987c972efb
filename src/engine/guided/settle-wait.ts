import type { TenantScope } from '../../core/tenant-scope.js';
import type { GuidedDefinition, StepReport } from '../../guided/definition.js';
import type { GuidedInstance } from '../../store/guided-types.js';
import type { HumanTask, JsonObject } from '../../store/human-task-types.js';
import { applyReport } from './apply-report.js';
import { declaredValues } from './context-check.js';
import { answerFor } from './enter-step.js';
import type { GuidedAnswer, GuidedDeps } from './guided-types.js';

const settled = new Set(['completed', 'expired', 'cancelled']);

/**
 * Checked whenever a waiting instance is read (status, advance, resume): no background loop. When
 * what it waits for has finished, the instance moves on (the human task's answer or the coding
 * task's outcome is the step's report; the answer's fields that are declared context variables
 * update the context, so rules like `when context.review_approved = false` see the person's
 * verdict) and the answer says so; undefined while it still waits.
 */
export async function settleWait(deps: GuidedDeps, scope: TenantScope, instance: GuidedInstance, definition: GuidedDefinition): Promise<GuidedAnswer | undefined> {
  const wait = instance.waitingFor;
  if (instance.status !== 'waiting' || wait === undefined) return undefined;
  if (wait.humanTaskId !== undefined) {
    const task = await deps.store.getHumanTask(scope, wait.humanTaskId);
    if (task === undefined || !settled.has(task.status)) return undefined;
    if (wait.reconcile !== undefined) return settleReconcile(deps, scope, instance, definition, task, wait.reconcile);
    const updates = task.status === 'completed' ? (declaredValues(definition, task.answer ?? {}) as JsonObject) : {};
    return applyReport(deps, scope, instance, definition, humanTaskReport(wait.step, task), updates);
  }
  if (wait.taskId !== undefined && deps.tasks !== undefined) {
    const state = await deps.tasks.taskState(scope, wait.taskId);
    if (state.state === 'running') return undefined;
    const report: StepReport = { step_id: wait.step, status: state.state === 'succeeded' ? 'success' : 'failure', result: state.result ?? null, task_id: wait.taskId };
    return applyReport(deps, scope, instance, definition, report, {});
  }
  return undefined;
}

/** A human task's end as a step report: its answer's `outcome` (success when absent), or expired / cancelled. */
export function humanTaskReport(step: string, task: HumanTask): StepReport {
  if (task.status !== 'completed') return { step_id: step, status: 'failure', result: { human_task: task.status }, human_task_id: task.id };
  const outcome = typeof task.answer?.outcome === 'string' ? task.answer.outcome : 'success';
  return { step_id: step, status: outcome, result: task.answer ?? {}, human_task_id: task.id, ...(task.answeredBy !== undefined && { answered_by: task.answeredBy }) };
}

async function settleReconcile(deps: GuidedDeps, scope: TenantScope, instance: GuidedInstance, definition: GuidedDefinition, task: HumanTask, views: { recorded: string; assumed: string }): Promise<GuidedAnswer> {
  const chosen = typeof task.answer?.step === 'string' && definition.steps.some((step) => step.name === task.answer?.step) ? task.answer.step : views.recorded;
  const who = task.answeredBy ?? 'nobody';
  const reason = task.status === 'completed' ? `${who} chose ${chosen} (recorded ${views.recorded}, the agent assumed ${views.assumed})` : `the question was ${task.status}: back to the recorded step ${views.recorded}`;
  const at = deps.now();
  const updated = await deps.store.commitGuidedChange(scope, instance.id, {
    expectedVersion: instance.version,
    patch: { currentStep: chosen, status: 'running', waitingFor: null, updatedAt: at },
    decision: { kind: 'resume', input: { human_task_id: task.id, ...views }, output: { action: 'person', next_step: chosen, answer: (task.answer ?? {}) as JsonObject }, reason, by: 'person', at },
  });
  return answerFor(updated, definition, reason);
}
