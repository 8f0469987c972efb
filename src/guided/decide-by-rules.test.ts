import { describe, expect, it } from 'vitest';
import { decideByRules, normalizeStatus, sameValue } from './decide-by-rules.js';
import type { GuidedDefinition, GuidedStep, NextStepDecision } from './definition.js';
import { parseGuidanceLine } from './step-rules.js';

function step(name: string, ...lines: string[]): GuidedStep {
  const rules = lines.map((text, index) => {
    const read = parseGuidanceLine(text, { file: `workflows/W/steps/${name}.md`, line: index + 3 });
    if (read.kind !== 'rule') throw new Error(`not a rule: ${text}`);
    return read.rule;
  });
  return { name, file: `/p/workflows/W/steps/${name}.md`, guidance: lines.join('\n'), instructions: '', rules };
}

const definition: GuidedDefinition = {
  name: 'W',
  dir: '/p/workflows/W',
  title: 'W',
  goal: '',
  firstStep: 'plan',
  context: {},
  steps: [
    step('plan'),
    step('implement', 'on failure: plan', 'when context.tests_pass = true: review', 'when context.mode != strict: END'),
    step('test', 'on blocked: ask', 'on success: review', 'next: implement'),
    step('review', 'when context.rejected = true: FAIL'),
    step('ask', 'on failure: END'),
  ],
};

type Expected = Pick<NextStepDecision, 'next' | 'status'> & { reason: RegExp };

describe('decideByRules', () => {
  it.each<[string, Record<string, unknown>, string, Expected]>([
    ['plan', {}, 'success', { next: 'implement', status: 'running', reason: /^implement follows plan in index\.md/ }],
    ['plan', {}, 'failure', { next: undefined, status: 'failed', reason: /plan reported "failure" and no rule .*add "on failure: STEP" to the Orchestrator Guidance of plan \(steps\/plan\.md\)/ }],
    ['implement', { mode: 'strict' }, 'failed', { next: 'plan', status: 'running', reason: /^rule "on failure: plan" at workflows\/W\/steps\/implement\.md:3:1 matched \(the report's status is failure\)/ }],
    ['implement', { mode: 'strict' }, 'ERROR', { next: 'plan', status: 'running', reason: /on failure: plan/ }],
    ['implement', { tests_pass: true }, 'success', { next: 'review', status: 'running', reason: /rule "when context\.tests_pass = true: review" at workflows\/W\/steps\/implement\.md:4:1 matched \(context\.tests_pass is true\)/ }],
    ['implement', { tests_pass: 'true' }, 'success', { next: 'review', status: 'running', reason: /tests_pass is "true"/ }],
    ['implement', { tests_pass: false }, 'success', { next: undefined, status: 'completed', reason: /when context\.mode != strict: END" at .*:5:1 matched \(context\.mode is not set\): END completes/ }],
    ['implement', { tests_pass: false, mode: 'strict' }, 'success', { next: 'test', status: 'running', reason: /^test follows implement/ }],
    ['test', {}, 'Blocked', { next: 'ask', status: 'running', reason: /on blocked: ask/ }],
    ['test', {}, 'done', { next: 'review', status: 'running', reason: /on success: review/ }],
    ['test', {}, 'partial', { next: 'implement', status: 'running', reason: /rule "next: implement" .* matched \(unconditional\)/ }],
    ['test', {}, 'failure', { next: 'implement', status: 'running', reason: /next: implement/ }],
    ['review', { rejected: true }, 'success', { next: undefined, status: 'failed', reason: /when context\.rejected = true: FAIL.*FAIL fails the workflow/ }],
    ['review', { rejected: false }, 'success', { next: 'ask', status: 'running', reason: /^ask follows review/ }],
    ['ask', {}, 'success', { next: undefined, status: 'completed', reason: /^ask is the last step listed/ }],
    ['ask', {}, 'failed', { next: undefined, status: 'completed', reason: /on failure: END/ }],
    ['gone', {}, 'success', { next: undefined, status: 'failed', reason: /^gone is not a step of W \(its steps: plan, implement, test, review, ask\)/ }],
  ])('issue 13: at %s with context %j, a %s report decides %j', (current, context, status, expected) => {
    const decision = decideByRules(definition, current, context, { step_id: current, status });
    expect(decision.by).toBe('rules');
    expect(decision.contextUpdates).toEqual({});
    expect(decision.next).toBe(expected.next);
    expect(decision.status).toBe(expected.status);
    expect(decision.reason).toMatch(expected.reason);
  });

  it.each([
    ['failure', 'failure'],
    ['Failed', 'failure'],
    ['error', 'failure'],
    ['SUCCESS', 'success'],
    ['completed', 'success'],
    ['blocked', 'blocked'],
  ])('issue 13: the status %s is compared as %s', (status, normal) => {
    expect(normalizeStatus(status)).toBe(normal);
  });

  it.each<[unknown, unknown, boolean]>([
    [true, true, true],
    ['true', true, true],
    [3, 3, true],
    ['3', 3, true],
    [3, '3', false],
    [undefined, 'x', false],
    [null, null, true],
    [{ a: 1 }, { a: 1 }, true],
    ['[object Object]', { a: 1 }, false],
    ['x', 'y', false],
  ])('issue 13: sameValue(%j, %j) is %s', (actual, expected, same) => {
    expect(sameValue(actual, expected)).toBe(same);
  });
});
