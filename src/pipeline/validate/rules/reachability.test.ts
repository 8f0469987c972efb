import { describe, expect, it } from 'vitest';
import { lintDot, pipelineDot } from '../testing/lint-dot.js';

const rule = 'reachability';

describe('decision 4: reachability', () => {
  it.each([
    ['a chain', 'a [label="A"]\nstart -> a -> exit'],
    ['a loop back', 'a [label="A"]\nb [label="B"]\nstart -> a -> b -> exit\nb -> a'],
  ])('does not fire for %s', (_, body) => {
    expect(lintDot(pipelineDot(body), rule)).toEqual([]);
  });

  it('decision 4: an orphan is an ERROR whose message says unreachable from start (orphan)', () => {
    const source = pipelineDot('a [label="A"]\norphan [label="O"]\nstart -> a -> exit\norphan -> a');
    expect(lintDot(source, rule)).toEqual([
      'p.dot:6:3: error[reachability]: Node orphan is unreachable from start (orphan): no chain of edges leads to it from start.\n  fix: add an edge that leads to orphan, or delete it',
    ]);
  });

  it('reports every orphan, not just the first', () => {
    const source = pipelineDot('x [label="X"]\ny [label="Y"]\nstart -> exit');
    expect(lintDot(source, rule)).toHaveLength(2);
  });

  it('stays silent without a single start node (start_node reports that)', () => {
    expect(lintDot('digraph G {\n  a\n  exit [shape=Msquare]\n  a -> exit\n}', rule)).toEqual([]);
  });
});
