import { describe, expect, it } from 'vitest';
import { evaluateCondition, isTruthyConditionValue, resolveConditionKey, type ConditionEnv } from './evaluate.js';
import { parseCondition } from './parse.js';
import { conditionKeys } from './keys.js';

function env(outcome: string, context: Record<string, string> = {}, preferredLabel = ''): ConditionEnv {
  return { outcome, preferredLabel, lookup: (key) => context[key] };
}

describe('decision 12: evaluateCondition', () => {
  it.each([
    ['', env('fail'), true],
    ['outcome=success', env('success'), true],
    ['outcome=success', env('fail'), false],
    ['outcome=SUCCESS', env('success'), false],
    ['outcome!=success', env('fail'), true],
    ['outcome!=success', env('success'), false],
    ['preferred_label=Fix', env('success', {}, 'Fix'), true],
    ['preferred_label=Fix', env('success', {}, 'fix'), false],
    ['outcome=success && context.tests_passed=true', env('success', { 'context.tests_passed': 'true' }), true],
    ['outcome=success && context.tests_passed=true', env('success', { tests_passed: 'true' }), true],
    ['outcome=success && context.tests_passed=true', env('success', { tests_passed: 'false' }), false],
    ['outcome=success && context.tests_passed=true', env('fail', { tests_passed: 'true' }), false],
    ['context.tool.output=ok', env('success', { 'tool.output': 'ok' }), true],
    ['context.x=a', env('success', { 'context.x': 'a', x: 'b' }), true],
    ['context.missing=""', env('success'), true],
    ['context.missing!=""', env('success'), false],
    ['context.missing!=done', env('success'), true],
    ['last_stage=seed', env('success', { last_stage: 'seed' }), true],
    ['internal.loop_restart_count=0', env('success', { 'internal.loop_restart_count': '0' }), true],
    ['context.a="x && y"', env('success', { a: 'x && y' }), true],
    ['context.a="k=v" && outcome=success', env('success', { a: 'k=v' }), true],
    ['context.a="k=v" && outcome=success', env('success', { a: 'k' }), false],
    ['context.ready', env('success', { ready: 'yes' }), true],
    ['context.ready', env('success', { ready: 'true' }), true],
    ['context.ready', env('success', { ready: 'false' }), false],
    ['context.ready', env('success', { ready: '0' }), false],
    ['context.ready', env('success', { ready: '' }), false],
    ['context.ready', env('success'), false],
    ['outcome', env('success'), true],
  ])('%j with %o → %s', (text, environment, expected) => {
    expect(evaluateCondition(text, environment)).toBe(expected);
    expect(evaluateCondition(parseCondition(text), environment)).toBe(expected);
  });

  it('throws the syntax error for a bad condition string', () => {
    expect(() => evaluateCondition('outcome=success || x', env('success'))).toThrow(
      'Condition "outcome=success || x", column 17: operator "||" is not supported.',
    );
  });

  it.each([
    ['outcome', 'fail'],
    ['preferred_label', 'Yes'],
    ['context.a', 'qualified'],
    ['context.b', 'bare'],
    ['context.c', ''],
    ['c', ''],
    ['b', 'bare'],
  ])('resolveConditionKey(%j) → %j', (key, expected) => {
    const environment = env('fail', { 'context.a': 'qualified', a: 'unused', b: 'bare' }, 'Yes');
    expect(resolveConditionKey(key, environment)).toBe(expected);
  });

  it.each([
    ['', false],
    ['false', false],
    ['0', false],
    ['False', true],
    ['no', true],
    ['1', true],
  ])('isTruthyConditionValue(%j) → %s', (value, expected) => {
    expect(isTruthyConditionValue(value)).toBe(expected);
  });
});

describe('conditionKeys', () => {
  it.each([
    ['', []],
    ['outcome=success', ['outcome']],
    ['outcome=success && context.x=1 && outcome!=fail && ready', ['outcome', 'context.x', 'ready']],
  ])('%j → %j', (text, keys) => {
    expect(conditionKeys(parseCondition(text))).toEqual(keys);
  });
});
