import { describe, expect, it } from 'vitest';
import { lintDot, pipelineDot } from '../testing/lint-dot.js';

const rule = 'unknown_variable';

describe('decision 26: unknown_variable', () => {
  it.each([
    ['$goal', {}],
    ['${goal}', {}],
    ['${context.branch}', {}],
    ['PR $pr_number', { pr_number: '12' }],
    ['costs $5', {}],
  ])('does not fire for %j', (prompt, variables) => {
    const source = pipelineDot(`a [prompt="${prompt}"]\nstart -> a -> exit`, 'goal="Ship"');
    expect(lintDot(source, rule, { variables })).toEqual([]);
  });

  it('decision 26: mentions a $word that is not a run variable, once per node (INFO)', () => {
    const source = pipelineDot('a [prompt="Review $pr_number and ${pr_number} in $repo"]\nstart -> a -> exit');
    expect(lintDot(source, rule)).toEqual([
      'p.dot:5:6: info[unknown_variable]: The prompt of node a uses $pr_number, which is not a run variable; it is left as written.\n  fix: pass it when running: orchestra run p.dot pr_number=...',
      'p.dot:5:6: info[unknown_variable]: The prompt of node a uses $repo, which is not a run variable; it is left as written.\n  fix: pass it when running: orchestra run p.dot repo=...',
    ]);
  });
});
