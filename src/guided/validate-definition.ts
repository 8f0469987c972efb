import { didYouMean } from '../core/closest-name.js';
import type { SourceLocation } from '../core/source-location.js';
import type { Diagnostic } from '../pipeline/validate/diagnostic.js';
import { END_STEP, FAIL_STEP, type StepRule } from './definition.js';
import type { ListedStep } from './parse-index.js';

/** What the cross-file checks need: the listed steps, the rules each step file has, and first_step. */
export interface DefinitionOutline {
  steps: readonly ListedStep[];
  /** Rules by step name, for the steps whose file was read. */
  rules: ReadonlyMap<string, readonly StepRule[]>;
  firstStep?: { name: string; loc: SourceLocation };
}

/**
 * The checks that span files: duplicate steps, rule targets and first_step naming steps that exist,
 * and every step reachable from the first by the listed order or a rule.
 */
export function validateOutline(outline: DefinitionOutline): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const names = new Set<string>();
  for (const step of outline.steps) {
    if (names.has(step.name)) {
      diagnostics.push({ rule: 'guided_step_unique', severity: 'error', message: `step ${step.name} is listed twice.`, loc: step.loc, fix: 'List each step once; a step that runs again is reached by a rule such as "on failure: STEP".' });
    }
    names.add(step.name);
  }
  const targets = [...names, END_STEP, FAIL_STEP];
  for (const [step, rules] of outline.rules) {
    for (const rule of rules) {
      if (targets.includes(rule.next)) continue;
      diagnostics.push({
        rule: 'guided_rule_target_exists',
        severity: 'error',
        message: `step ${step}'s rule names an unknown step "${rule.next}".${didYouMean(rule.next, targets)}`,
        loc: rule.loc,
        fix: `Name one of the steps index.md lists (${[...names].join(', ')}), END to complete the workflow or FAIL to fail it.`,
      });
    }
  }
  const first = outline.firstStep;
  if (first && !names.has(first.name)) {
    diagnostics.push({ rule: 'guided_first_step_exists', severity: 'error', message: `first_step "${first.name}" is not a step index.md lists.${didYouMean(first.name, names)}`, loc: first.loc, fix: 'Name one of the listed steps, or remove first_step to start at the first one.' });
    return diagnostics;
  }
  const start = first?.name ?? outline.steps[0]?.name;
  if (start === undefined) return diagnostics;
  const reached = reachableSteps(outline, start);
  const reported = new Set<string>();
  for (const step of outline.steps) {
    if (reached.has(step.name) || reported.has(step.name)) continue;
    reported.add(step.name);
    diagnostics.push({
      rule: 'guided_step_reachable',
      severity: 'error',
      message: `step ${step.name} is unreachable from ${start}: no rule names it, and the listed order does not lead to it (the step before it is unreachable or ends with an unconditional "next:").`,
      loc: step.loc,
      fix: `Name it in a rule of another step (e.g. "on failure: ${step.name}"), remove the "next:" before it, or remove it from the list.`,
    });
  }
  return diagnostics;
}

/** The steps an instance starting at `start` can get to: the listed order (unless `next:` overrides it) and every rule. */
export function reachableSteps(outline: Pick<DefinitionOutline, 'steps' | 'rules'>, start: string): Set<string> {
  const order = outline.steps.map((step) => step.name);
  const reached = new Set<string>();
  const pending = [start];
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (reached.has(name) || !order.includes(name)) continue;
    reached.add(name);
    const rules = outline.rules.get(name) ?? [];
    pending.push(...rules.map((rule) => rule.next));
    const following = order[order.indexOf(name) + 1];
    if (following !== undefined && !rules.some((rule) => rule.kind === 'next')) pending.push(following);
  }
  return reached;
}
