import { describe, expect, it } from 'vitest';
import { lintDot, pipelineDot } from '../testing/lint-dot.js';

const rule = 'condition_outcome_value';
const lint = (condition: string) => lintDot(pipelineDot(`start -> exit [condition=${JSON.stringify(condition)}]`), rule);

describe('condition_outcome_value', () => {
  it.each(['outcome=success', 'outcome!=fail', 'outcome=partial_success && context.x=1', 'context.outcome=whatever', 'outcome', 'outcome=SUCCESS ||'])(
    'does not fire for %j',
    (condition) => {
      expect(lint(condition)).toEqual([]);
    },
  );

  it.each([
    ['outcome=sucess', 'Edge start -> exit compares outcome with "sucess", which is never an outcome (success, partial_success, retry, fail, skipped). Did you mean "success"?\n  fix: outcome=success'],
    ['outcome!=SUCCESS', 'Edge start -> exit compares outcome with "SUCCESS", which is never an outcome (success, partial_success, retry, fail, skipped). Did you mean "success"?\n  fix: outcome!=success'],
    ['outcome=done', 'Edge start -> exit compares outcome with "done", which is never an outcome (success, partial_success, retry, fail, skipped).\n  fix: compare with one of success, partial_success, retry, fail, skipped'],
  ])('warns for %j', (condition, expected) => {
    expect(lint(condition)).toEqual([`p.dot:5:18: warning[condition_outcome_value]: ${expected}`]);
  });
});
