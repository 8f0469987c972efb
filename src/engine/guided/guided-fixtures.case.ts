import type { GuidedDefinition, GuidedStep, StepWait } from '../../guided/definition.js';
import type { Store } from '../../store/store.js';
import type { GuidedDeps } from './guided-types.js';

/* A definition built in memory for the orchestrator's tests (the parser lands separately). */

const loc = { file: '/defs/REFACTOR/index.md', line: 3, column: 3 };

// Every step's one rule: a failure goes back to PLAN (what the rules do without a model).
function step(name: string, instructions: string, waitsFor?: StepWait): GuidedStep {
  const file = `/defs/REFACTOR/steps/${name}.md`;
  const rules: GuidedStep['rules'] = [{ kind: 'on-status', status: 'failure', next: 'PLAN', loc: { file, line: 3, column: 1 } }];
  return { name, file, guidance: `Guidance for ${name}:\non failure: PLAN`, instructions, rules, ...(waitsFor && { waitsFor }) };
}

export function refactorDefinition(options: { review?: StepWait } = {}): GuidedDefinition {
  return {
    name: 'REFACTOR',
    dir: '/defs/REFACTOR',
    title: 'Refactor with tests',
    goal: 'Refactor a module without changing behaviour.',
    steps: [
      step('PLAN', 'Plan the refactoring of {{context.target}}.'),
      step('TEST', 'Write tests for {{context.target}}.'),
      step('REVIEW', 'Review the change.', options.review),
      step('DONE', 'Summarise.'),
    ],
    firstStep: 'PLAN',
    context: { target: { type: 'string', required: true, loc }, tests: { type: 'number', loc } },
  };
}

/** Deps for the orchestrator over a real store, always loading `definition`, with a step clock. */
export function guidedDepsFor(store: Store, definition: GuidedDefinition, extra: Partial<GuidedDeps> = {}): GuidedDeps {
  let now = 1_700_000_000_000;
  return { store, now: () => (now += 1_000), loadDefinition: () => Promise.resolve(definition), ...extra };
}
