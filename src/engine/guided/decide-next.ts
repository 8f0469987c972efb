import { decideByRules } from '../../guided/decide-by-rules.js';
import { END_STEP, FAIL_STEP, type GuidedDefinition, type NextStepDecision, type StepReport } from '../../guided/definition.js';
import type { JsonObject } from '../../store/human-task-types.js';
import type { GuidedHistoryEntry } from '../../store/guided-types.js';
import { contextIssues } from './context-check.js';
import type { StepDecider, StepDecisionRequest } from './step-decider.js';

/** A decision and what it was made from, as stored (the decision record's input and output). */
export interface DecidedStep {
  decision: NextStepDecision;
  input: JsonObject;
  output: JsonObject;
}

export interface AdvanceQuestion {
  definition: GuidedDefinition;
  step: string;
  history: readonly GuidedHistoryEntry[];
  report: StepReport;
  context: Readonly<Record<string, unknown>>;
}

/** The step names plus END and FAIL: what an advance may answer. */
export function advanceChoices(definition: GuidedDefinition): string[] {
  return [...definition.steps.map((step) => step.name), END_STEP, FAIL_STEP];
}

/** The next step after a report: the model's answer when there is a model and its answer holds, else the rules', saying why. */
export async function decideAdvance(question: AdvanceQuestion, decider: StepDecider | undefined): Promise<DecidedStep> {
  const request: StepDecisionRequest = { purpose: 'advance', ...question, choices: advanceChoices(question.definition) };
  const input = decisionInput(request, decider);
  if (decider === undefined) return byRules(question, input, undefined);
  let answer;
  try {
    answer = await decider.decide(request);
  } catch (error) {
    return byRules(question, input, `the model failed: ${(error as Error).message}`);
  }
  const problem = answerProblem(question.definition, request.choices, answer.next_step, answer.context_updates);
  if (problem !== undefined) return byRules(question, input, problem, { ...answer } as JsonObject);
  const decision = modelDecision(answer.next_step, answer.context_updates, answer.reason);
  return { decision, input, output: { ...decisionOutput(decision), model_answer: { ...answer } as JsonObject } };
}

/** Why a model's answer cannot be used, or undefined when it can. */
export function answerProblem(definition: GuidedDefinition, choices: readonly string[], next: unknown, updates: unknown): string | undefined {
  if (typeof next !== 'string' || !choices.includes(next)) return `the model named step ${JSON.stringify(next)}, which workflow ${definition.name} does not have`;
  if (typeof updates !== 'object' || updates === null || Array.isArray(updates)) return 'the model\'s context_updates is not an object';
  const issues = contextIssues(definition, updates as Record<string, unknown>, 'context_updates');
  if (issues.length > 0) return `the model's ${issues.map((issue) => `${issue.field} ${issue.message}`).join('; ')}`;
  return undefined;
}

function modelDecision(next: string, contextUpdates: Record<string, unknown>, reason: string): NextStepDecision {
  if (next === END_STEP) return { status: 'completed', contextUpdates, reason, by: 'model' };
  if (next === FAIL_STEP) return { status: 'failed', contextUpdates, reason, by: 'model' };
  return { next, status: 'running', contextUpdates, reason, by: 'model' };
}

function byRules(question: AdvanceQuestion, input: JsonObject, fallback: string | undefined, modelAnswer?: JsonObject): DecidedStep {
  const ruled = decideByRules(question.definition, question.step, question.context, question.report);
  const decision: NextStepDecision = fallback === undefined ? ruled : { ...ruled, fallback };
  return { decision, input, output: { ...decisionOutput(decision), ...(modelAnswer && { model_answer: modelAnswer }) } };
}

export function decisionOutput(decision: NextStepDecision): JsonObject {
  return { next_step: decision.next ?? (decision.status === 'failed' ? FAIL_STEP : END_STEP), status: decision.status, context_updates: decision.contextUpdates as JsonObject };
}

/** What was asked, as stored: for a model the guidance, history, report and context it was sent; for the rules their inputs. */
export function decisionInput(request: StepDecisionRequest, decider: StepDecider | undefined): JsonObject {
  const step = request.definition.steps.find((candidate) => candidate.name === request.step);
  return {
    purpose: request.purpose,
    asked: decider === undefined ? 'rules' : decider.label,
    step: request.step,
    ...(request.assumedStep !== undefined && { assumed_step: request.assumedStep }),
    ...(request.report !== undefined && { report: request.report as JsonObject }),
    context: request.context as JsonObject,
    history: request.history.map((entry) => ({ seq: entry.seq, step: entry.step, status: String(entry.report.status ?? '') })),
    ...(decider !== undefined && { guidance: step?.guidance ?? '', choices: [...request.choices] }),
  };
}
