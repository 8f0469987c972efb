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
      ["p.dot:4:11: error[terminal_node]: Node failed is another exit node: 2 were found (the first is ok at p.dot:3:3); a pipeline has exactly one.\n  fix: keep one exit node and route failed's incoming edges to ok"],
    ],
    [
      'exit and end aliases',
      'digraph G {\n  start [shape=Mdiamond]\n  exit\n  end\n  start -> exit\n  start -> end\n}',
      ["p.dot:4:3: error[terminal_node]: Node end is another exit node: 2 were found (the first is exit at p.dot:3:3); a pipeline has exactly one.\n  fix: keep one exit node and route end's incoming edges to exit"],
    ],
  ])('fires for %s', (_, source, expected) => {
    expect(lintDot(source, rule)).toEqual(expected);
  });

  it('issue 9: each extra exit node says how many exit nodes were found', () => {
    const source = 'digraph G {\n  start [shape=Mdiamond]\n  a [shape=Msquare]\n  b [shape=Msquare]\n  c [shape=Msquare]\n  start -> a\n  start -> b\n  start -> c\n}';
    expect(lintDot(source, rule).map((line) => line.split('\n')[0])).toEqual([
      'p.dot:4:6: error[terminal_node]: Node b is another exit node: 3 were found (the first is a at p.dot:3:3); a pipeline has exactly one.',
      'p.dot:5:6: error[terminal_node]: Node c is another exit node: 3 were found (the first is a at p.dot:3:3); a pipeline has exactly one.',
    ]);
  });
});
