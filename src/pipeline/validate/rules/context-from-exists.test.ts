import { describe, expect, it } from 'vitest';
import { lintDot, pipelineDot } from '../testing/lint-dot.js';

const rule = 'context_from_exists';

describe('issue 9: context_from_exists', () => {
  it.each([
    ['declared nodes', 'plan [label="P"]\nreview [label="R", "context.from"="plan, start"]'],
    ['no context.from', 'plan [label="P"]\nreview [label="R"]'],
  ])('does not fire for %s', (_, body) => {
    expect(lintDot(pipelineDot(`${body}\nstart -> plan -> review -> exit`), rule)).toEqual([]);
  });

  it.each([
    [
      'a near miss, at the id itself',
      'review [label="R", "context.from"="plan,plann"]',
      ['p.dot:6:43: error[context_from_exists]: Node review has context.from naming node "plann", which is not a declared node. Did you mean "plan"?\n  fix: write plan instead of plann in context.from'],
    ],
    [
      'an id close to nothing',
      'review [label="R", "context.from"=" somewhere_else "]',
      ['p.dot:6:39: error[context_from_exists]: Node review has context.from naming node "somewhere_else", which is not a declared node.\n  fix: name declared nodes in context.from, separated by commas'],
    ],
  ])('reports %s', (_, decl, expected) => {
    expect(lintDot(pipelineDot(`plan [label="P"]\n${decl}\nstart -> plan -> review -> exit`), rule)).toEqual(expected);
  });
});
