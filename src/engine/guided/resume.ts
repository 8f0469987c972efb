import type { TenantScope } from '../../core/tenant-scope.js';
import type { GuidedDefinition } from '../../guided/definition.js';
import { createHumanTaskId } from '../../humans/tasks/task-id.js';
import type { GuidedChange, GuidedInstance, GuidedPatch } from '../../store/guided-types.js';
import type { JsonObject, NewHumanTask } from '../../store/human-task-types.js';
import { applyReport } from './apply-report.js';
import { checkContextValues } from './context-check.js';
import { answerFor, commitEntered, enterStep } from './enter-step.js';
import { finishedError, stepNotCurrentError } from './guided-errors.js';
import type { GuidedAnswer, GuidedDeps, ResumeInput } from './guided-types.js';
import { loadGuided, statusReason } from './orchestrator.js';
import { reconcile, type Reconciliation } from './reconcile.js';
import { settleWait } from './settle-wait.js';
import { resolveDecider } from './step-decider.js';

/**
 * An agent coming back (issue 13): it says which step it believes is current. The same as the record:
 * go on (with its report, an advance). Different: the orchestrator reconciles (reconcile.ts: continue
 * from the agent's view, roll back to the record, or ask a person) and stores why, as a `resume` decision.
 */
export async function resumeGuided(deps: GuidedDeps, scope: TenantScope, input: ResumeInput): Promise<GuidedAnswer> {
  let { instance, definition } = await loadGuided(deps, scope, input.instance_id);
  const updates = (input.context_updates ?? {}) as JsonObject;
  checkContextValues(definition, updates, 'context_updates');
  if (instance.status === 'completed' || instance.status === 'failed') throw finishedError(instance, 'resume');
  if (instance.status === 'waiting') {
    if ((await settleWait(deps, scope, instance, definition)) === undefined) return answerFor(instance, definition, statusReason(instance));
    ({ instance, definition } = await loadGuided(deps, scope, input.instance_id));
    if (instance.status !== 'running') return answerFor(instance, definition, statusReason(instance));
  }
  const recorded = instance.currentStep ?? definition.firstStep;
  const assumed = input.assumed_current_step_name;
  if (assumed === recorded) {
    if (input.report !== undefined) {
      if (input.report.step_id !== recorded) throw stepNotCurrentError(instance, input.report.step_id);
      return applyReport(deps, scope, instance, definition, input.report, updates);
    }
    const reason = `the agent's view matches the record: continue at ${recorded}`;
    return commitResume(deps, scope, instance, definition, { action: 'continue', step: recorded, recordReport: false, contextUpdates: {}, reason, by: 'rules' }, { assumed_step: assumed, step: recorded }, { action: 'continue', next_step: recorded }, updates, input);
  }
  const history = await deps.store.readGuidedHistory(scope, instance.id);
  const context = { ...instance.context, ...updates };
  const decided = await reconcile({ definition, recorded, assumed, history, context, ...(input.report && { report: input.report }) }, await resolveDecider(deps.decider));
  return commitResume(deps, scope, instance, definition, decided.reconciliation, decided.input, decided.output, updates, input);
}

async function commitResume(
  deps: GuidedDeps,
  scope: TenantScope,
  instance: GuidedInstance,
  definition: GuidedDefinition,
  reconciliation: Reconciliation,
  input: JsonObject,
  output: JsonObject,
  updates: JsonObject,
  request: ResumeInput,
): Promise<GuidedAnswer> {
  const at = deps.now();
  const recorded = instance.currentStep ?? definition.firstStep;
  const context: JsonObject = { ...instance.context, ...updates, ...(reconciliation.contextUpdates as JsonObject) };
  let patch: GuidedPatch = { context, updatedAt: at };
  let humanTask: NewHumanTask | undefined;
  if (reconciliation.action === 'ask-person') {
    humanTask = reconcileTask(deps, instance, definition, recorded, request.assumed_current_step_name, reconciliation.reason, request);
    patch = { ...patch, status: 'waiting', waitingFor: { step: recorded, humanTaskId: humanTask.id, reconcile: { recorded, assumed: request.assumed_current_step_name } } };
  } else if (reconciliation.step !== undefined && reconciliation.step !== recorded) {
    const entered = await enterStep(deps, scope, instance, definition, reconciliation.step, context);
    patch = { ...patch, ...entered.patch };
    humanTask = entered.humanTask;
  }
  const report = request.report;
  const change: GuidedChange = {
    expectedVersion: instance.version,
    patch,
    ...(reconciliation.recordReport && report && { history: { step: recorded, report: report as JsonObject, contextUpdates: updates, at } }),
    decision: { kind: 'resume', input, output, reason: reconciliation.reason, by: reconciliation.by, ...(reconciliation.fallback !== undefined && { fallback: reconciliation.fallback }), at },
    ...(humanTask && { humanTask }),
  };
  const updated = await commitEntered(deps, scope, instance.id, change);
  return answerFor(updated, definition, `${reconciliation.action}: ${reconciliation.reason}`, reconciliation.fallback);
}

/** The question to a person: which step is current, with both views and the agent's report as context. */
function reconcileTask(deps: GuidedDeps, instance: GuidedInstance, definition: GuidedDefinition, recorded: string, assumed: string, reason: string, request: ResumeInput): NewHumanTask {
  const options = [{ value: recorded, label: `${recorded} (recorded)` }];
  if (assumed !== recorded && definition.steps.some((step) => step.name === assumed)) options.push({ value: assumed, label: `${assumed} (the agent's view)` });
  return {
    id: createHumanTaskId(deps.now()),
    title: `Guided workflow ${definition.name}: which step is current?`,
    description: `An agent resumed guided instance ${instance.id} believing the current step is ${assumed}; the record says ${recorded}. ${reason}.`,
    form: { step: { type: 'select', label: 'Continue at', required: true, options } },
    context: { guidedId: instance.id, workflow: definition.name, recorded_step: recorded, assumed_step: assumed, ...(request.report && { report: request.report as JsonObject }), context: instance.context },
    createdBy: { kind: 'guided', guidedId: instance.id, step: recorded },
    actor: 'orchestra',
    createdAt: deps.now(),
  };
}
