import ELK from 'elkjs/lib/elk-api.js';
// ELK's layout engine (GWT-compiled Java, about 1.4 MB) runs in a Web Worker: a big graph's layout
// never blocks the page. Vite copies the worker script into assets/ as it is (same origin: the CSP's 'self').
import elkWorkerUrl from 'elkjs/lib/elk-worker.min.js?url';
import type { Rankdir, RunGraph } from '../runs/types';

/*
 * Positions for a run's graph by ELK's layered algorithm (Graphviz's dot draws the same kind of
 * picture), in the direction of the graph's `rankdir`. Node sizes are estimated from the label,
 * so a layout needs no measuring pass in the DOM.
 */

export interface Placed {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

const directions: Readonly<Record<Rankdir, string>> = { TB: 'DOWN', LR: 'RIGHT', BT: 'UP', RL: 'LEFT' };
const nodeHeight = 44;

export function nodeWidth(label: string): number {
  return Math.min(320, Math.max(120, 24 + label.length * 8));
}

let elk: InstanceType<typeof ELK> | undefined;

export async function layoutGraph(graph: RunGraph): Promise<Map<string, Placed>> {
  elk ??= new ELK({ workerFactory: () => new Worker(elkWorkerUrl) });
  const laid = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': directions[graph.rankdir],
      'elk.spacing.nodeNode': '32',
      // Room between layers for the edge labels React Flow draws at each edge's middle.
      'elk.layered.spacing.nodeNodeBetweenLayers': graph.edges.some((edge) => edge.label !== undefined) ? '96' : '48',
      'elk.edgeRouting': 'SPLINES',
    },
    children: graph.nodes.map((node) => ({ id: node.id, width: nodeWidth(node.label), height: nodeHeight })),
    edges: graph.edges.map((edge, index) => ({ id: `e${index}`, sources: [edge.from], targets: [edge.to] })),
  });
  const placed = new Map<string, Placed>();
  for (const child of laid.children ?? []) placed.set(child.id, { id: child.id, x: child.x ?? 0, y: child.y ?? 0, width: child.width ?? 120, height: child.height ?? nodeHeight });
  return placed;
}
