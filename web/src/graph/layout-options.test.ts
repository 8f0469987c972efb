import { describe, expect, it } from 'vitest';
import { layoutOptions, thoroughnessFor } from './layout-options';

const graph = (nodes: number, labelled = false) => ({
  rankdir: 'LR' as const,
  nodes: Array.from({ length: nodes }, (_, i) => ({ id: `n${i}` })),
  edges: [{ ...(labelled && { label: 'passes' }) }],
});

describe('issue 15: ELK options by graph size', () => {
  it.each([
    [1, 7],
    [40, 7],
    [100, 7],
    [101, 3],
    [300, 3],
    [301, 1],
    [500, 1],
    [5000, 1],
  ])('issue 15: %d nodes are laid out at thoroughness %d', (nodes, thoroughness) => {
    expect(thoroughnessFor(nodes)).toBe(thoroughness);
  });

  it('issue 15: a small graph keeps the options it always had (ELK default thoroughness, splines), in its rankdir', () => {
    expect(layoutOptions(graph(12))).toEqual({
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': '32',
      'elk.layered.spacing.nodeNodeBetweenLayers': '48',
      'elk.edgeRouting': 'SPLINES',
      'elk.layered.thoroughness': '7',
    });
  });

  it('issue 15: labelled edges get room between layers; a 500-node graph sweeps once', () => {
    expect(layoutOptions(graph(500, true))).toMatchObject({ 'elk.layered.spacing.nodeNodeBetweenLayers': '96', 'elk.layered.thoroughness': '1' });
  });
});
