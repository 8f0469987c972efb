import { ErrorCode, OrchestraError } from '../../core/errors.js';
import type { TenantScope } from '../../core/tenant-scope.js';
import type { GuidedDefinition } from '../../guided/definition.js';
import { guidedNotFoundError } from '../../store/guided-errors.js';
import type { GuidedInstance } from '../../store/guided-types.js';
import type { JsonObject } from '../../store/human-task-types.js';
import { applyReport } from './apply-report.js';
import { checkContextValues, checkRequiredContext } from './context-check.js';
import { answerFor, enterStep, newGuidedId } from './enter-step.js';
import { finishedError, stepNotCurrentError, waitedFor, waitingError } from './guided-errors.js';
import type { AdvanceInput, GuidedAnswer, GuidedDeps, StartInput } from './guided-types.js';
import { settleWait } from './settle-wait.js';
import { startStepTask } from './step-task.js';

/*
 * The guided-workflow orchestrator (seed 004, issue 13), shaped as operations: (deps, scope, input)
 * → answer. Each checks everything before it writes, then stores its decision in one write, so an
 * error leaves the stored instance as it was.
 */

/** Starts an instance at the definition's first step. */
export async function startGuided(deps: GuidedDeps, scope: TenantScope, input: StartInput): Promise<GuidedAnswer> {
  const { definition } = input;
  const context = (input.context ?? {}) as JsonObject;
  checkContextValues(definition, context, 'context');
  checkRequiredContext(definition, context);
  const id = newGuidedId(deps);
  const entered = await enterStep(deps, scope, { id, ...(input.projectDir !== undefined && { projectDir: input.projectDir }) }, definition, definition.firstStep, context);
  const at = deps.now();
  const reason = `${definition.firstStep} is the first step of ${definition.name}`;
  const created = await deps.store.createGuidedInstance(
    scope,
    {
      id,
      workflowName: definition.name,
      definitionDir: definition.dir,
      ...(input.projectDir !== undefined && { projectDir: input.projectDir }),
      currentStep: definition.firstStep,
      status: entered.patch.status,
      context,
      ...(entered.patch.waitingFor && { waitingFor: entered.patch.waitingFor }),
      createdAt: at,
    },
    { kind: 'start', input: { workflow: definition.name, context }, output: { next_step: definition.firstStep, status: entered.patch.status }, reason, by: 'rules', at },
    entered.humanTask,
  );
  const instance = await startStepTask(deps, scope, created);
  return answerFor(instance, definition, reason);
}

/** The instance (its step's coding task made, if a crash left it unmade) and its definition; E_GUIDED_INSTANCE_NOT_FOUND for an unknown id (or another tenant's). */
export async function loadGuided(deps: GuidedDeps, scope: TenantScope, id: string): Promise<{ instance: GuidedInstance; definition: GuidedDefinition }> {
  const stored = await deps.store.getGuidedInstance(scope, id);
  if (stored === undefined) throw guidedNotFoundError(id);
  // A step visit whose task a crash kept from being made or started gets it now (step-task.ts).
  const instance = await startStepTask(deps, scope, stored);
  return { instance, definition: await deps.loadDefinition(instance) };
}

/** The instance as it stands, after picking up a finished wait. */
export async function getGuidedStatus(deps: GuidedDeps, scope: TenantScope, input: { instance_id: string }): Promise<GuidedAnswer> {
  const { instance, definition } = await loadGuided(deps, scope, input.instance_id);
  try {
    const settled = await settleWait(deps, scope, instance, definition);
    if (settled !== undefined) return settled;
  } catch (error) {
    // Another reader picked up the same finished wait first: its change stands; report it.
    if (!(error instanceof OrchestraError && error.code === ErrorCode.GUIDED_CONFLICT)) throw error;
    const current = await loadGuided(deps, scope, input.instance_id);
    return answerFor(current.instance, current.definition, statusReason(current.instance));
  }
  return answerFor(instance, definition, statusReason(instance));
}

/** Records the report for the current step and hands out the next one. */
export async function advanceGuided(deps: GuidedDeps, scope: TenantScope, input: AdvanceInput): Promise<GuidedAnswer> {
  const { instance, definition } = await loadGuided(deps, scope, input.instance_id);
  const updates = (input.context_updates ?? {}) as JsonObject;
  checkContextValues(definition, updates, 'context_updates');
  if (instance.status === 'waiting') {
    const settled = await settleWait(deps, scope, instance, definition);
    if (settled === undefined) throw waitingError(instance, 'advance');
    // The wait ended just now and its outcome is the waiting step's report: an agent's report for that
    // step adds nothing; a report for the step it moved to goes on from there.
    if (input.report.step_id === instance.waitingFor?.step) return settled;
    const current = await loadGuided(deps, scope, input.instance_id);
    return advanceRunning(deps, scope, current.instance, definition, input, updates);
  }
  return advanceRunning(deps, scope, instance, definition, input, updates);
}

function advanceRunning(deps: GuidedDeps, scope: TenantScope, instance: GuidedInstance, definition: GuidedDefinition, input: AdvanceInput, updates: JsonObject): Promise<GuidedAnswer> {
  if (instance.status === 'completed' || instance.status === 'failed') throw finishedError(instance, 'advance');
  if (instance.status === 'waiting') throw waitingError(instance, 'advance');
  if (input.report.step_id !== instance.currentStep) throw stepNotCurrentError(instance, input.report.step_id);
  return applyReport(deps, scope, instance, definition, input.report, updates);
}

export function statusReason(instance: GuidedInstance): string {
  switch (instance.status) {
    case 'running':
      return `current step: ${instance.currentStep ?? '?'}`;
    case 'waiting':
      return `step ${instance.waitingFor?.step ?? instance.currentStep ?? '?'} waits for ${waitedFor(instance)}`;
    default:
      return `the instance ${instance.status}`;
  }
}
