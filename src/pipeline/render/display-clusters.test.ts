import { describe, expect, it } from 'vitest';
import { parseDot } from '../dot/parse.js';
import { clusterLines, clusterTree, isDrawnCluster } from './display-clusters.js';

describe('isDrawnCluster', () => {
  it.each([
    [{ id: 'cluster_loop', derivedClass: undefined }, true],
    [{ id: 'clusterA', derivedClass: undefined }, true],
    [{ id: 'defaults', derivedClass: undefined }, false],
    [{ id: undefined, derivedClass: undefined }, false],
    [{ id: 'defaults', derivedClass: 'loop-a', label: 'Loop A' }, true],
    [{ id: undefined, derivedClass: '', label: '' }, true],
  ])('%o → %s', (ref, drawn) => {
    expect(isDrawnCluster(ref)).toBe(drawn);
  });
});

describe('clusterTree and clusterLines', () => {
  it('nests labelled and cluster subgraphs, merges blocks of the same id, and skips default-only scopes', () => {
    const graph = parseDot(
      `digraph {
        start
        subgraph cluster_a { label="Outer \\"A\\"" a1  subgraph { label="Inner" b1 } }
        subgraph defaults { node [timeout=5s] c1 }
        subgraph cluster_a { a2 }
      }`,
      't.dot',
    );
    const lines = clusterLines(clusterTree(graph.nodes.values()), (id) => `${id};`);
    expect(lines).toEqual([
      '  start;',
      '  c1;',
      '  subgraph "cluster_0" {',
      '    graph [label="Outer \\"A\\"", id="cluster_0", style="rounded,dashed", color="#90a4ae", fontname="Helvetica", fontsize="11"];',
      '    a1;',
      '    a2;',
      '    subgraph "cluster_1" {',
      '      graph [label="Inner", id="cluster_1", style="rounded,dashed", color="#90a4ae", fontname="Helvetica", fontsize="11"];',
      '      b1;',
      '    }',
      '  }',
    ]);
  });
});
