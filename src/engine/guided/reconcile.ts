import type { GuidedDefinition, StepReport } from '../../guided/definition.js';
import type { JsonObject } from '../../store/human-task-types.js';
import type { GuidedHistoryEntry } from '../../store/guided-types.js';
import { answerProblem, decisionInput } from './decide-next.js';
import { ASK_PERSON, type StepDecider, type StepDecisionRequest } from './step-decider.js';

/**
 * What a resume does when the agent's assumed step differs from the recorded one (issue 13):
 * continue from the agent's view, roll back to the record, move to another step (a model may
 * choose one), or ask a person.
 */
export type ReconcileAction = 'continue' | 'rollback' | 'move' | 'ask-person';

export interface Reconciliation {
  action: ReconcileAction;
  /** Where the instance goes on; absent when a person is asked. */
  step?: string;
  /** Whether the report (for the recorded step) goes into the history. */
  recordReport: boolean;
  contextUpdates: Record<string, unknown>;
  reason: string;
  by: 'model' | 'rules';
  fallback?: string;
}

export interface ResumeQuestion {
  definition: GuidedDefinition;
  recorded: string;
  assumed: string;
  history: readonly GuidedHistoryEntry[];
  report?: StepReport;
  context: Readonly<Record<string, unknown>>;
}

const successStatuses = new Set(['success', 'succeeded', 'completed', 'complete', 'done', 'ok', 'passed']);

export function isSuccessReport(report: StepReport | undefined): boolean {
  return report !== undefined && successStatuses.has(String(report.status).toLowerCase());
}

/** The rules alone: deterministic, so a resume without a model (or whose model failed) still settles. */
export function reconcileByRules(question: ResumeQuestion): Reconciliation {
  const { definition, recorded, assumed, history, report } = question;
  const names = definition.steps.map((step) => step.name);
  const base = { contextUpdates: {}, by: 'rules' as const };
  if (names.indexOf(assumed) === names.indexOf(recorded) + 1 && names.includes(recorded) && report?.step_id === recorded && isSuccessReport(report)) {
    return { ...base, action: 'continue', step: assumed, recordReport: true, reason: `the agent reports ${recorded} done (${report.status}) and ${assumed} follows it: continuing from the agent's view` };
  }
  if (history.some((entry) => entry.step === assumed)) {
    return { ...base, action: 'rollback', step: recorded, recordReport: false, reason: `${assumed} was done earlier (history); the record is ahead of the agent: back to the recorded step ${recorded}` };
  }
  const why = names.includes(assumed) ? `${assumed} is neither the step after ${recorded} with a success report for it, nor earlier in the history` : `${assumed} is not a step of workflow ${definition.name}`;
  return { ...base, action: 'ask-person', recordReport: false, reason: `${why}: a person decides between the recorded ${recorded} and the agent's ${assumed}` };
}

/** The model's reconciliation when there is a model and its answer holds, else the rules', saying why. */
export async function reconcile(question: ResumeQuestion, decider: StepDecider | undefined): Promise<{ reconciliation: Reconciliation; input: JsonObject; output: JsonObject }> {
  const choices = [...question.definition.steps.map((step) => step.name), ASK_PERSON];
  const request: StepDecisionRequest = { purpose: 'resume', definition: question.definition, step: question.recorded, assumedStep: question.assumed, history: question.history, context: question.context, choices, ...(question.report && { report: question.report }) };
  const input = decisionInput(request, decider);
  const settle = (reconciliation: Reconciliation, modelAnswer?: JsonObject) => ({ reconciliation, input, output: reconciliationOutput(reconciliation, modelAnswer) });
  if (decider === undefined) return settle(reconcileByRules(question));
  let answer;
  try {
    answer = await decider.decide(request);
  } catch (error) {
    return settle({ ...reconcileByRules(question), fallback: `the model failed: ${(error as Error).message}` });
  }
  const modelAnswer = { ...answer } as JsonObject;
  const problem = answerProblem(question.definition, choices, answer.next_step, answer.context_updates);
  if (problem !== undefined) return settle({ ...reconcileByRules(question), fallback: problem }, modelAnswer);
  const chosen = answer.next_step;
  const common = { contextUpdates: answer.context_updates, reason: answer.reason, by: 'model' as const };
  if (chosen === ASK_PERSON) return settle({ ...common, action: 'ask-person', recordReport: false }, modelAnswer);
  const action: ReconcileAction = chosen === question.assumed ? 'continue' : chosen === question.recorded ? 'rollback' : 'move';
  const recordReport = action !== 'rollback' && question.report?.step_id === question.recorded;
  return settle({ ...common, action, step: chosen, recordReport }, modelAnswer);
}

function reconciliationOutput(reconciliation: Reconciliation, modelAnswer: JsonObject | undefined): JsonObject {
  return {
    action: reconciliation.action,
    ...(reconciliation.step !== undefined && { next_step: reconciliation.step }),
    context_updates: reconciliation.contextUpdates as JsonObject,
    ...(modelAnswer && { model_answer: modelAnswer }),
  };
}
