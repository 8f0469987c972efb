import { describe, expect, it } from 'vitest';
import { lintDot } from '../testing/lint-dot.js';

const rule = 'terminal_node';

describe('decision 13: terminal_node', () => {
  it.each([
    ['a Msquare node', 'digraph G {\n  start [shape=Mdiamond]\n  done [shape=Msquare]\n  start -> done\n}'],
    ['the alias end', 'digraph G {\n  start [shape=Mdiamond]\n  end\n  start -> end\n}'],
    ['the alias Exit', 'digraph G {\n  start [shape=Mdiamond]\n  Exit\n  start -> Exit\n}'],
  ])('does not fire for %s', (_, source) => {
    expect(lintDot(source, rule)).toEqual([]);
  });

  it.each([
    [
      'no exit at all',
      'digraph G {\n  start [shape=Mdiamond]\n  a [label="A"]\n  start -> a\n}',
      ['p.dot:1:1: error[terminal_node]: No exit node: the run has no way to finish.\n  fix: add one: exit [shape=Msquare]'],
    ],
    [
      'two Msquare nodes',
      'digraph G {\n  start [shape=Mdiamond]\n  ok [shape=Msquare]\n  failed [shape=Msquare]\n  start -> ok\n  start -> failed\n}',
      ["p.dot:4:11: error[terminal_node]: Node failed is a second exit node (the first is ok at p.dot:3:3); a pipeline has exactly one.\n  fix: keep one exit node and route failed's incoming edges to ok"],
    ],
    [
      'exit and end aliases',
      'digraph G {\n  start [shape=Mdiamond]\n  exit\n  end\n  start -> exit\n  start -> end\n}',
      ["p.dot:4:3: error[terminal_node]: Node end is a second exit node (the first is exit at p.dot:3:3); a pipeline has exactly one.\n  fix: keep one exit node and route end's incoming edges to exit"],
    ],
  ])('fires for %s', (_, source, expected) => {
    expect(lintDot(source, rule)).toEqual(expected);
  });
});
