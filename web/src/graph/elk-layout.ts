import ELK from 'elkjs/lib/elk-api.js';
// ELK's layout engine (GWT-compiled Java, about 1.4 MB) runs in a Web Worker: a big graph's layout
// never blocks the page. Vite copies the worker script into assets/ as it is (same origin: the CSP's 'self').
import elkWorkerUrl from 'elkjs/lib/elk-worker.min.js?url';
import type { RunGraph } from '../runs/types';
import { layoutOptions } from './layout-options';

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

const nodeHeight = 44;

export function nodeWidth(label: string): number {
  return Math.min(320, Math.max(120, 24 + label.length * 8));
}

let elk: InstanceType<typeof ELK> | undefined;

/**
 * Starts ELK's worker (a few hundred ms to compile its script) if it is not running yet: the run
 * page calls it on opening, so the worker starts while the run and its graph are fetched.
 */
export function prepareLayout(): InstanceType<typeof ELK> {
  elk ??= new ELK({ workerFactory: () => new Worker(elkWorkerUrl) });
  return elk;
}

/** The graph's positions; the time it took is a User Timing measure, `orchestra:layout` (its detail: sizes and options). */
export async function layoutGraph(graph: RunGraph): Promise<Map<string, Placed>> {
  const started = performance.now();
  const options = layoutOptions(graph);
  const laid = await prepareLayout().layout({
    id: 'root',
    layoutOptions: options,
    children: graph.nodes.map((node) => ({ id: node.id, width: nodeWidth(node.label), height: nodeHeight })),
    edges: graph.edges.map((edge, index) => ({ id: `e${index}`, sources: [edge.from], targets: [edge.to] })),
  });
  performance.measure('orchestra:layout', { start: started, detail: { nodes: graph.nodes.length, edges: graph.edges.length, options } });
  const placed = new Map<string, Placed>();
  for (const child of laid.children ?? []) placed.set(child.id, { id: child.id, x: child.x ?? 0, y: child.y ?? 0, width: child.width ?? 120, height: child.height ?? nodeHeight });
  return placed;
}
