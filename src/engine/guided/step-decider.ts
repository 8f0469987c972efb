import type { GuidedDefinition, StepReport } from '../../guided/definition.js';
import type { GuidedHistoryEntry } from '../../store/guided-types.js';

/** The model's answer for a resume that a person should settle. */
export const ASK_PERSON = 'ASK_PERSON';

/** What the orchestrator asks a model (issue 13): everything it needs to choose the next step. */
export interface StepDecisionRequest {
  /** `advance`: the step after a report; `resume`: where to go on when the agent's view and the record differ. */
  purpose: 'advance' | 'resume';
  definition: GuidedDefinition;
  /** The step reported on (advance), or the recorded current step (resume). */
  step: string;
  /** On resume: the step the agent believes is current. */
  assumedStep?: string;
  history: readonly GuidedHistoryEntry[];
  report?: StepReport;
  context: Readonly<Record<string, unknown>>;
  /** The only valid answers: the step names plus END and FAIL (advance), or plus ASK_PERSON (resume). */
  choices: readonly string[];
}

/** The model's structured answer, before the orchestrator checks it. */
export interface StepAnswer {
  next_step: string;
  context_updates: Record<string, unknown>;
  reason: string;
}

/**
 * Decides with a model (model-step-decider.ts) or anything else that answers alike (a stub in unit
 * tests). Throws when it cannot answer (the provider failed, the time ran out, the answer was not
 * JSON): the orchestrator then falls back to the rules and records why.
 */
export interface StepDecider {
  /** Shown in the decision record, e.g. `local/gpt-4o-mini`. */
  readonly label: string;
  decide(request: StepDecisionRequest): Promise<StepAnswer>;
}

/**
 * Where the orchestrator gets its decider: the decider itself, or a function finding it when a
 * decision is due (so reading an instance never reads the model's configuration); none: the rules.
 */
export type DeciderSource = StepDecider | (() => Promise<StepDecider | undefined>);

export function resolveDecider(source: DeciderSource | undefined): Promise<StepDecider | undefined> {
  return typeof source === 'function' ? source() : Promise.resolve(source);
}
