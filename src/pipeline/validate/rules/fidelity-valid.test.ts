import { describe, expect, it } from 'vitest';
import { lintDot, pipelineDot } from '../testing/lint-dot.js';

const rule = 'fidelity_valid';

describe('fidelity_valid', () => {
  it.each(['full', 'truncate', 'compact', 'summary:low', 'summary:medium', 'summary:high'])('accepts %s everywhere', (mode) => {
    const source = pipelineDot(`a [label="A", fidelity="${mode}"]\nstart -> a [fidelity="${mode}"]\na -> exit`, `default_fidelity="${mode}"`);
    expect(lintDot(source, rule)).toEqual([]);
  });

  it('warns for a bad mode on the graph, a node and an edge', () => {
    const source = pipelineDot('a [label="A", fidelity="summary"]\nstart -> a [fidelity="ful"]\na -> exit', 'default_fidelity="high"');
    expect(lintDot(source, rule)).toEqual([
      'p.dot:2:3: warning[fidelity_valid]: The graph has default_fidelity "high", which is not a fidelity mode.\n  fix: use one of full, truncate, compact, summary:low, summary:medium, summary:high',
      'p.dot:5:17: warning[fidelity_valid]: Node a has fidelity "summary", which is not a fidelity mode.\n  fix: use one of full, truncate, compact, summary:low, summary:medium, summary:high',
      'p.dot:6:15: warning[fidelity_valid]: Edge start -> a has fidelity "ful", which is not a fidelity mode.\n  fix: use one of full, truncate, compact, summary:low, summary:medium, summary:high',
    ]);
  });
});
