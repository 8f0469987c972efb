import { describe, expect, it } from 'vitest';
import { lintDot, pipelineDot } from '../testing/lint-dot.js';

const rule = 'human_gate_conditional_edge';

describe('decision 5: human_gate_conditional_edge', () => {
  it.each([
    ['labelled gate edges', 'gate [shape=hexagon, label="Ship?"]\nstart -> gate\ngate -> exit [label="[Y] Yes"]\ngate -> start [label="[N] No"]'],
    ['conditions on edges of other nodes', 'a [label="A"]\nstart -> a\na -> exit [condition="outcome=success"]'],
  ])('does not fire for %s', (_, body) => {
    expect(lintDot(pipelineDot(body), rule)).toEqual([]);
  });

  it('decision 5: warns for a condition on an edge leaving a human gate', () => {
    const source = pipelineDot('gate [shape=hexagon, label="Ship?"]\nstart -> gate\ngate -> exit [label="Yes", condition="context.ready=true"]');
    expect(lintDot(source, rule)).toEqual([
      'p.dot:7:30: warning[human_gate_conditional_edge]: Edge gate -> exit leaves human gate gate with condition "context.ready=true", which is checked before the human\'s choice and overrides it when it holds.\n  fix: remove the condition and give the edge a label for the human to choose: gate -> exit [label="..."]',
    ]);
  });
});
