import { describe, expect, it } from 'vitest';
import { lintDot, pipelineDot } from '../testing/lint-dot.js';

const rule = 'manager_child_dotfile';

describe('decision 20: manager_child_dotfile', () => {
  it.each([
    ['the graph names the child', 'm [shape=house]', 'stack.child_dotfile="child.dot"'],
    ['there is no manager node', 'm [label="M"]', ''],
    ['issue 9: the manager starts no child (stack.child_autostart=false, §4.11)', 'm [shape=house, stack.child_autostart=false]', ''],
  ])('does not fire when %s', (_, decl, graphLine) => {
    expect(lintDot(pipelineDot(`${decl}\nstart -> m -> exit`, graphLine), rule)).toEqual([]);
  });

  it.each([
    ['no child at all', 'm [shape=house]', ''],
    ['a blank child', 'm [type="stack.manager_loop", label="M"]', 'stack.child_dotfile=" "'],
    ['a child named only on the node, where the engine does not look', 'm [shape=house, stack.child_dotfile="c.dot"]', ''],
  ])('errors for %s', (_, decl, graphLine) => {
    expect(lintDot(pipelineDot(`${decl}\nstart -> m -> exit`, graphLine), rule)).toEqual([
      'p.dot:5:3: error[manager_child_dotfile]: Manager loop node m has no child pipeline: the graph attribute stack.child_dotfile is not set.\n  fix: graph [stack.child_dotfile="child.dot"] (relative to this file)',
    ]);
  });
});
