import { describe, expect, it } from 'vitest';
import { lintDot, pipelineDot } from '../testing/lint-dot.js';
import { suggestKey } from './condition-key.js';

const rule = 'condition_key';
const lint = (condition: string) => lintDot(pipelineDot(`start -> exit [condition=${JSON.stringify(condition)}]`), rule);

describe('condition_key', () => {
  it.each([
    ['outcome', undefined],
    ['preferred_label', undefined],
    ['context.outcom', undefined],
    ['last_stage', undefined],
    ['tests_passed', undefined],
    ['outcom', 'outcome'],
    ['Outcome', 'outcome'],
    ['preferred_lable', 'preferred_label'],
    ['contxt.ready', 'context.ready'],
    ['ctx.ready', undefined],
  ])('issue 9: suggestKey(%j) is %j', (key, expected) => {
    expect(suggestKey(key)).toBe(expected);
  });

  it.each(['outcome=success', 'context.ready', 'last_stage=plan && outcome!=fail'])('issue 9: does not fire for %j', (condition) => {
    expect(lint(condition)).toEqual([]);
  });

  it.each([
    ['outcom=fail', 29, 'Condition key "outcom" is no built-in key, so it reads a context value that is likely never set. Did you mean "outcome"?\n  fix: outcome=fail'],
    ['outcome=success && preferred_lable=Fix', 48, 'Condition key "preferred_lable" is no built-in key, so it reads a context value that is likely never set. Did you mean "preferred_label"?\n  fix: preferred_label=Fix'],
    ['contxt.ready', 29, 'Condition key "contxt.ready" is no built-in key, so it reads a context value that is likely never set. Did you mean "context.ready"?\n  fix: context.ready'],
  ])('issue 9: a misspelt key in %j gets a did-you-mean at its position', (condition, column, expected) => {
    expect(lint(condition)).toEqual([`p.dot:5:${column}: warning[condition_key]: ${expected}`]);
  });
});
