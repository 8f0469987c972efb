import { describe, expect, it } from 'vitest';
import { lintDot, pipelineDot } from '../testing/lint-dot.js';

describe('start_no_incoming', () => {
  it('does not fire for a start with only outgoing edges', () => {
    expect(lintDot(pipelineDot('start -> exit'), 'start_no_incoming')).toEqual([]);
  });

  it('fires once per incoming edge', () => {
    const source = pipelineDot('a [label="A"]\nstart -> a -> exit\na -> start');
    expect(lintDot(source, 'start_no_incoming')).toEqual([
      'p.dot:7:3: error[start_no_incoming]: Start node start has an incoming edge from a; the start runs only once, at the beginning.\n  fix: point the edge at the node after start instead',
    ]);
  });
});
