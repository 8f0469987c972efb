import type { Rankdir } from '../runs/types';

/*
 * ELK's options for a run's graph. ELK's layered algorithm spends most of its time minimising
 * edge crossings, restarting its sweeps `thoroughness` times (ELK's default 7): on a 500-node
 * pipeline that is ~1.5 s, against ~0.3 s at 1. Graphs people usually draw (up to 100 nodes) keep
 * the default, and so look exactly as they did; bigger ones trade a few extra crossings for a page
 * that appears in well under a second (issue 15: a 500-node pipeline lays out under 1 s).
 */

const directions: Readonly<Record<Rankdir, string>> = { TB: 'DOWN', LR: 'RIGHT', BT: 'UP', RL: 'LEFT' };

/** Largest node count laid out at each thoroughness, smallest first; above the last, the last's. */
const thoroughnessBySize: ReadonlyArray<{ upTo: number; thoroughness: number }> = [
  { upTo: 100, thoroughness: 7 },
  { upTo: 300, thoroughness: 3 },
  { upTo: Infinity, thoroughness: 1 },
];

/** How hard ELK minimises crossings for a graph of `nodes` nodes (7 is ELK's default). */
export function thoroughnessFor(nodes: number): number {
  return (thoroughnessBySize.find((row) => nodes <= row.upTo) ?? thoroughnessBySize.at(-1)!).thoroughness;
}

export interface LayoutShape {
  rankdir: Rankdir;
  nodes: readonly unknown[];
  edges: ReadonlyArray<{ label?: string }>;
}

/** ELK's layout options for a graph of this shape. */
export function layoutOptions(graph: LayoutShape): Record<string, string> {
  return {
    'elk.algorithm': 'layered',
    'elk.direction': directions[graph.rankdir],
    'elk.spacing.nodeNode': '32',
    // Room between layers for the edge labels React Flow draws at each edge's middle.
    'elk.layered.spacing.nodeNodeBetweenLayers': graph.edges.some((edge) => edge.label !== undefined) ? '96' : '48',
    'elk.edgeRouting': 'SPLINES',
    'elk.layered.thoroughness': String(thoroughnessFor(graph.nodes.length)),
  };
}
