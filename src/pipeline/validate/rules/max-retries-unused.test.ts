import { describe, expect, it } from 'vitest';
import { lintDot, pipelineDot } from '../testing/lint-dot.js';

const rule = 'max_retries_unused';

describe('issue 9: max_retries_unused', () => {
  it.each([
    ['a work node', 'a [label="A", max_retries=2]'],
    ['a tool node', 'a [shape=parallelogram, tool_command="make", max_retries=2]'],
    ['a diamond with another type', 'a [shape=diamond, type="tool", tool_command="make", max_retries=2]'],
  ])('issue 9: does not fire for %s', (_name, decl) => {
    expect(lintDot(pipelineDot(`${decl}\nstart -> a -> exit`), rule)).toEqual([]);
  });

  it('issue 9: warns for max_retries on a conditional node, which always succeeds', () => {
    const lines = lintDot(pipelineDot('a [shape=diamond, max_retries=2]\nstart -> a -> exit'), rule);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('warning[max_retries_unused]: Node a sets max_retries=2, but it is a conditional node, which always succeeds: it is never retried.');
    expect(lines[0]).toContain('fix: move max_retries to the node that can fail, and remove it from a');
  });
});

describe('issue 9: max_retries_unused on start and exit', () => {
  it('issue 9: warns for max_retries on the exit node', () => {
    const source = 'digraph G {\n  start [shape=Mdiamond]\n  exit [shape=Msquare, max_retries=3]\n  start -> exit\n}\n';
    expect(lintDot(source, rule)).toEqual([
      'p.dot:3:24: warning[max_retries_unused]: Node exit sets max_retries=3, but it is a start or exit node, which always succeeds: it is never retried.\n  fix: move max_retries to the node that can fail, and remove it from exit',
    ]);
  });
});
