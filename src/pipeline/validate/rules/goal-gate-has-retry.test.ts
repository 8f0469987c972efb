import { describe, expect, it } from 'vitest';
import { lintDot, pipelineDot } from '../testing/lint-dot.js';

const rule = 'goal_gate_has_retry';

describe('goal_gate_has_retry', () => {
  it.each([
    ['not a gate', 'a [label="A"]', ''],
    ['a gate with goal_gate=false', 'a [label="A", goal_gate=false]', ''],
    ['a gate with a retry_target', 'a [label="A", goal_gate=true, retry_target="a"]', ''],
    ['a gate with a fallback_retry_target', 'a [label="A", goal_gate=true, fallback_retry_target="a"]', ''],
    ['a gate with a graph-level retry_target', 'a [label="A", goal_gate=true]', 'retry_target="a"'],
  ])('does not fire for %s', (_, decl, graphLine) => {
    expect(lintDot(pipelineDot(`${decl}\nstart -> a -> exit`, graphLine), rule)).toEqual([]);
  });

  it.each(['goal_gate=true', 'goal_gate="true"', 'goal_gate=TRUE'])('warns for a gate without a target (%s)', (gate) => {
    expect(lintDot(pipelineDot(`a [label="A", ${gate}]\nstart -> a -> exit`), rule)).toEqual([
      'p.dot:5:17: warning[goal_gate_has_retry]: Node a is a goal gate without a retry_target: if it has not succeeded when the run reaches the exit, the run fails.\n  fix: add retry_target=<node to go back to> to a, or a graph-level retry_target',
    ]);
  });
});
