import type { TenantScope } from '../../core/tenant-scope.js';
import type { GuidedDefinition, StepReport } from '../../guided/definition.js';
import type { GuidedChange, GuidedInstance, GuidedPatch } from '../../store/guided-types.js';
import type { JsonObject, NewHumanTask } from '../../store/human-task-types.js';
import { decideAdvance } from './decide-next.js';
import { answerFor, commitEntered, enterStep } from './enter-step.js';
import type { GuidedAnswer, GuidedDeps } from './guided-types.js';
import { resolveDecider } from './step-decider.js';

/**
 * The core of an advance (issue 13), once the report is known to be for the current step: decides
 * (model or rules), enters the next step, and stores the state, the history entry and the decision
 * in one write. Also used when a step's human task or coding task finishes (its outcome is the report).
 */
export async function applyReport(deps: GuidedDeps, scope: TenantScope, instance: GuidedInstance, definition: GuidedDefinition, report: StepReport, updates: JsonObject): Promise<GuidedAnswer> {
  const step = instance.currentStep ?? report.step_id;
  const context: JsonObject = { ...instance.context, ...updates };
  const history = await deps.store.readGuidedHistory(scope, instance.id);
  const { decision, input, output } = await decideAdvance({ definition, step, history, report, context }, await resolveDecider(deps.decider));
  const nextContext: JsonObject = { ...context, ...(decision.contextUpdates as JsonObject) };
  const at = deps.now();
  let patch: GuidedPatch = { currentStep: null, status: decision.status, context: nextContext, waitingFor: null, updatedAt: at };
  let humanTask: NewHumanTask | undefined;
  if (decision.next !== undefined) {
    const entered = await enterStep(deps, scope, instance, definition, decision.next, nextContext);
    patch = { ...patch, ...entered.patch };
    humanTask = entered.humanTask;
  }
  const change: GuidedChange = {
    expectedVersion: instance.version,
    patch,
    history: { step, report: report as JsonObject, contextUpdates: updates, at },
    decision: { kind: 'advance', input, output, reason: decision.reason, by: decision.by, ...(decision.fallback !== undefined && { fallback: decision.fallback }), at },
    ...(humanTask && { humanTask }),
  };
  const updated = await commitEntered(deps, scope, instance.id, change);
  return answerFor(updated, definition, decision.reason, decision.fallback);
}
