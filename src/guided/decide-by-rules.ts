import type { GuidedDefinition, NextStepDecision, StepReport } from './definition.js';

/**
 * The next step by the definition's rules alone (issue 13): deterministic, so an instance without a
 * model, or whose model failed, still moves. Placeholder: the listed order only, the step rules
 * (`on failure: STEP`, `when context.x = y: STEP`) come with the definitions parser.
 */
export function decideByRules(definition: GuidedDefinition, current: string, _context: Readonly<Record<string, unknown>>, _report: StepReport): NextStepDecision {
  const index = definition.steps.findIndex((step) => step.name === current);
  const next = definition.steps[index + 1];
  if (next === undefined) return { status: 'completed', contextUpdates: {}, reason: `${current} is the last step listed`, by: 'rules' };
  return { next: next.name, status: 'running', contextUpdates: {}, reason: `${next.name} follows ${current} in index.md`, by: 'rules' };
}
