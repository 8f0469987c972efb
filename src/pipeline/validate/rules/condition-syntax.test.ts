import { describe, expect, it } from 'vitest';
import { lintDot, pipelineDot } from '../testing/lint-dot.js';

const rule = 'condition_syntax';

describe('condition_syntax', () => {
  it.each([
    'outcome=success',
    'outcome=success && context.tests_passed=true',
    'context.msg="a && b=c"',
    '',
  ])('does not fire for %j', (condition) => {
    const source = pipelineDot(`start -> exit [condition=${JSON.stringify(condition)}]`);
    expect(lintDot(source, rule)).toEqual([]);
  });

  it('points at the offending operator inside the condition in the file', () => {
    const source = pipelineDot('start -> exit [condition="outcome=success || outcome=fail"]');
    expect(lintDot(source, rule)).toEqual([
      'p.dot:5:45: error[condition_syntax]: Condition "outcome=success || outcome=fail", column 17: operator "||" is not supported.\n  fix: Conditions know only =, != and &&: not supported; combine clauses with &&. For alternatives, draw one edge per alternative.',
    ]);
  });

  it('counts escaped quotes in the DOT string when mapping the column', () => {
    const source = pipelineDot('start -> exit [condition="context.a=\\"x\\" contains"]');
    expect(lintDot(source, rule)).toEqual([
      'p.dot:5:45: error[condition_syntax]: Condition "context.a="x" contains", column 15: operator "contains" is not supported.\n  fix: Conditions know only =, != and &&: not supported; combine clauses with &&. Values compare exactly with = and !=.',
    ]);
  });

  it('checks manager.stop_condition on nodes too', () => {
    const source = pipelineDot('m [shape=house, stack.child_dotfile="c.dot", manager.stop_condition="context.done =="]\nstart -> m -> exit');
    expect(lintDot(source, rule)).toEqual([
      'p.dot:5:85: error[condition_syntax]: Condition "context.done ==", column 14: operator "==" is not supported.\n  fix: Write a single = for equality: outcome=success.',
    ]);
  });

  it('reports every bad condition', () => {
    const source = pipelineDot('a [label="A"]\nstart -> a [condition="x >"]\na -> exit [condition="y <"]');
    expect(lintDot(source, rule)).toHaveLength(2);
  });
});
