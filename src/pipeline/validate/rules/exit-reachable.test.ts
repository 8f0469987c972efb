import { describe, expect, it } from 'vitest';
import { lintDot, pipelineDot } from '../testing/lint-dot.js';

const rule = 'exit_reachable';

describe('exit_reachable', () => {
  it.each([
    ['a chain', 'a [label="A"]\nstart -> a -> exit'],
    ['a loop with a way out', 'a [label="A"]\nb [label="B"]\nstart -> a -> b\nb -> a [condition="outcome=fail"]\nb -> exit'],
    ['an orphan dead end (reachability reports it)', 'a [label="A"]\nstart -> exit'],
  ])('does not fire for %s', (_, body) => {
    expect(lintDot(pipelineDot(body), rule)).toEqual([]);
  });

  it('names a dead end the run can reach', () => {
    const source = pipelineDot('a [label="A"]\nstuck [label="S"]\nstart -> a -> exit\na -> stuck [condition="outcome=fail"]');
    expect(lintDot(source, rule)).toEqual([
      'p.dot:6:3: error[exit_reachable]: No path from start to exit: node stuck has no outgoing edges, so a run that reaches it cannot finish.\n  fix: add an edge from stuck to the next node, or to the exit: stuck -> exit',
    ]);
  });

  it('names where the run enters a loop that never leads out', () => {
    const source = pipelineDot('a [label="A"]\nb [label="B"]\nc [label="C"]\nstart -> a -> exit\na -> b -> c -> b');
    expect(lintDot(source, rule)).toEqual([
      'p.dot:6:3: error[exit_reachable]: No path from start to exit: from node b every path loops without reaching the exit exit.\n  fix: add an edge out of the loop that leads to exit',
    ]);
  });

  it('reports the start itself when nothing reaches the exit', () => {
    const source = pipelineDot('a [label="A"]\nstart -> a -> start');
    expect(lintDot(source, rule)).toEqual([
      'p.dot:3:3: error[exit_reachable]: No path from start to exit: from node start every path loops without reaching the exit exit.\n  fix: add an edge out of the loop that leads to exit',
    ]);
  });

  it('leaves undeclared dead ends to edge_target_exists', () => {
    expect(lintDot(pipelineDot('start -> exit\nstart -> ship_it'), rule)).toEqual([]);
  });
});
