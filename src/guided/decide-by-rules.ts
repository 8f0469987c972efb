import { formatLocation } from '../core/source-location.js';
import { END_STEP, FAIL_STEP, type GuidedDefinition, type NextStepDecision, type StepReport, type StepRule } from './definition.js';
import { valueAt } from './render-instructions.js';
import { formatRule } from './step-rules.js';

// Statuses agents write for the same outcome: a rule `on failure:` also catches `failed` and `error`.
const statusSynonyms: Record<string, string> = { failed: 'failure', error: 'failure', fail: 'failure', succeeded: 'success', ok: 'success', done: 'success', completed: 'success' };

/** The report's status as the rules compare it: lower case, synonyms folded. */
export function normalizeStatus(status: string): string {
  const lower = status.trim().toLowerCase();
  return statusSynonyms[lower] ?? lower;
}

/**
 * The next step by the definition's rules alone (issue 13): deterministic, so an instance without a
 * model, or whose model failed, still moves. The current step's rules are tried in order (`on
 * <status>` against the report, `when` against the context, already updated by the report's
 * context updates, `next:`); the first that matches wins. Otherwise a failure fails the instance
 * (there is no rule saying where a failure goes) and anything else goes to the next listed step,
 * or completes the instance after the last one.
 */
export function decideByRules(definition: GuidedDefinition, current: string, context: Readonly<Record<string, unknown>>, report: StepReport): NextStepDecision {
  const index = definition.steps.findIndex((step) => step.name === current);
  const step = definition.steps[index];
  if (step === undefined) return { status: 'failed', contextUpdates: {}, reason: `${current} is not a step of ${definition.name} (its steps: ${definition.steps.map((s) => s.name).join(', ')})`, by: 'rules' };
  const status = normalizeStatus(String(report.status ?? ''));
  for (const rule of step.rules) {
    const why = matches(rule, status, context);
    if (why !== undefined) return toTarget(rule.next, `rule "${formatRule(rule)}" at ${formatLocation(rule.loc)} matched (${why})`);
  }
  if (status === 'failure') {
    const where = `the Orchestrator Guidance of ${step.name} (${displayFile(definition, step.file)})`;
    return { status: 'failed', contextUpdates: {}, reason: `${current} reported ${JSON.stringify(report.status)} and no rule of it says where a failure goes: add "on failure: STEP" to ${where} to route it`, by: 'rules' };
  }
  const next = definition.steps[index + 1];
  if (next === undefined) return { status: 'completed', contextUpdates: {}, reason: `${current} is the last step listed in index.md and no rule of it matched`, by: 'rules' };
  return { next: next.name, status: 'running', contextUpdates: {}, reason: `${next.name} follows ${current} in index.md (no rule of ${current} matched)`, by: 'rules' };
}

function matches(rule: StepRule, status: string, context: Readonly<Record<string, unknown>>): string | undefined {
  if (rule.kind === 'next') return 'unconditional';
  if (rule.kind === 'on-status') return normalizeStatus(rule.status) === status ? `the report's status is ${status}` : undefined;
  const value = valueAt(context, rule.path);
  const equal = sameValue(value, rule.value);
  if (equal === (rule.op === '=')) return `context.${rule.path} is ${value === undefined ? 'not set' : JSON.stringify(value)}`;
  return undefined;
}

/**
 * The rule's value is JSON when it parses (`true`, `3`, `"x"`), else text; a context value that is
 * text equals the rule's value as written too, so `= 3` matches both 3 and "3".
 */
export function sameValue(actual: unknown, expected: unknown): boolean {
  if (actual === undefined) return false;
  if (JSON.stringify(actual) === JSON.stringify(expected)) return true;
  return typeof actual === 'string' && typeof expected !== 'object' && actual === String(expected);
}

function toTarget(target: string, reason: string): NextStepDecision {
  if (target === END_STEP) return { status: 'completed', contextUpdates: {}, reason: `${reason}: END completes the workflow`, by: 'rules' };
  if (target === FAIL_STEP) return { status: 'failed', contextUpdates: {}, reason: `${reason}: FAIL fails the workflow`, by: 'rules' };
  return { next: target, status: 'running', contextUpdates: {}, reason, by: 'rules' };
}

function displayFile(definition: GuidedDefinition, file: string): string {
  return file.startsWith(`${definition.dir}/`) ? file.slice(definition.dir.length + 1) : file;
}
