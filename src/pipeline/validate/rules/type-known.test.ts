import { describe, expect, it } from 'vitest';
import { lintDot, pipelineDot } from '../testing/lint-dot.js';

const rule = 'type_known';

describe('decision 16: type_known', () => {
  it.each([
    ['no type', 'a [label="A"]'],
    ['a built-in type', 'a [type="wait.human", label="A"]'],
    ['an empty type', 'a [type="", label="A"]'],
  ])('does not fire for %s', (_, decl) => {
    expect(lintDot(pipelineDot(`${decl}\nstart -> a -> exit`), rule)).toEqual([]);
  });

  it('decision 16: knows handler types registered at run time', () => {
    const source = pipelineDot('a [type="deploy", label="A"]\nstart -> a -> exit');
    expect(lintDot(source, rule, { knownHandlerTypes: ['deploy'] })).toEqual([]);
  });

  it.each([
    ['a typo of a built-in', 'a [type="tol", label="A"]', ['p.dot:5:6: warning[type_known]: Node a has type "tol", which no handler is registered for. Did you mean "tool"?\n  fix: type="tool"']],
    [
      'an unknown custom type',
      'a [type="deploy", label="A"]',
      ['p.dot:5:6: warning[type_known]: Node a has type "deploy", which no handler is registered for.\n  fix: use one of codergen, start, exit, wait.human, conditional, parallel, parallel.fan_in, tool, stack.manager_loop, pipeline, workflow, or register a handler for "deploy"'],
    ],
  ])('warns for %s', (_, decl, expected) => {
    expect(lintDot(pipelineDot(`${decl}\nstart -> a -> exit`), rule)).toEqual(expected);
  });
});
