import { describe, expect, it } from 'vitest';
import { lintDot } from '../testing/lint-dot.js';

const rule = 'start_node';

describe('decision 13: start_node', () => {
  it.each([
    ['a Mdiamond node', 'digraph G {\n  s [shape=Mdiamond]\n  exit [shape=Msquare]\n  s -> exit\n}'],
    ['an id alias when no Mdiamond exists', 'digraph G {\n  start\n  exit [shape=Msquare]\n  start -> exit\n}'],
    ['a Mdiamond beats the alias: a node named start is then an ordinary node', 'digraph G {\n  s [shape=Mdiamond]\n  start [label="Start"]\n  exit [shape=Msquare]\n  s -> start -> exit\n}'],
  ])('does not fire for %s', (_, source) => {
    expect(lintDot(source, rule)).toEqual([]);
  });

  it.each([
    [
      'no start at all',
      'digraph G {\n  a [label="A"]\n  exit [shape=Msquare]\n  a -> exit\n}',
      ['p.dot:1:1: error[start_node]: No start node: the run has nowhere to begin.\n  fix: add one: start [shape=Mdiamond]'],
    ],
    [
      'two Mdiamond nodes',
      'digraph G {\n  s1 [shape=Mdiamond]\n  s2 [shape=Mdiamond]\n  exit [shape=Msquare]\n  s1 -> exit\n  s2 -> exit\n}',
      ['p.dot:3:7: error[start_node]: Node s2 is another start node: 2 were found (the first is s1 at p.dot:2:3); a pipeline has exactly one.\n  fix: keep one start node and give s2 another shape'],
    ],
    [
      'start and Start aliases',
      'digraph G {\n  start\n  Start\n  exit [shape=Msquare]\n  start -> exit\n  Start -> exit\n}',
      ['p.dot:3:3: error[start_node]: Node Start is another start node: 2 were found (the first is start at p.dot:2:3); a pipeline has exactly one.\n  fix: keep one start node and give Start another shape'],
    ],
  ])('fires for %s', (_, source, expected) => {
    expect(lintDot(source, rule)).toEqual(expected);
  });
});
