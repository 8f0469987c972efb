import { describe, expect, it } from 'vitest';
import { lintDot, pipelineDot } from '../testing/lint-dot.js';

describe('exit_no_outgoing', () => {
  it('does not fire for an exit with only incoming edges', () => {
    expect(lintDot(pipelineDot('start -> exit'), 'exit_no_outgoing')).toEqual([]);
  });

  it('fires once per outgoing edge', () => {
    const source = pipelineDot('a [label="A"]\nstart -> a -> exit\nexit -> a');
    expect(lintDot(source, 'exit_no_outgoing')).toEqual([
      'p.dot:7:3: error[exit_no_outgoing]: Exit node exit has an outgoing edge to a; the run ends at the exit, so the edge can never be taken.\n  fix: remove the edge, or draw it from a node before the exit',
    ]);
  });
});
