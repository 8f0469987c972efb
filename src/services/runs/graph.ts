import { z } from 'zod';
import type { TenantScope } from '../../core/tenant-scope.js';
import { readString } from '../../pipeline/graph/attr-read.js';
import { handlerTypeOf, parseDot, shapeOf, type Graph } from '../../pipeline/index.js';
import type { Store } from '../../store/store.js';
import { requireRunOf } from './require-run.js';

/*
 * A run's pipeline as nodes and edges (issue 15): what the dashboard draws. It is the DOT text the
 * run started with (a later edit of the file does not change a running graph), parsed, never run.
 */

export const rankdirs = ['TB', 'LR', 'BT', 'RL'] as const;

export const runGraph = z.object({
  runId: z.string(),
  pipeline: z.string(),
  rankdir: z.enum(rankdirs).describe('The graph\'s layout direction (its `rankdir`, TB when absent or unknown).'),
  nodes: z.array(z.object({ id: z.string(), label: z.string(), shape: z.string(), handler: z.string() })),
  edges: z.array(z.object({ from: z.string(), to: z.string(), label: z.string().optional() })),
});
export type RunGraph = z.input<typeof runGraph>;

/** The run's graph, in the caller's tenant (another tenant's run is E_RUN_NOT_FOUND). */
export async function getRunGraph(store: Store, scope: TenantScope, runId: string): Promise<RunGraph> {
  const run = await requireRunOf(store, scope, runId);
  return { runId: run.id, pipeline: run.pipeline, ...graphView(parseDot(run.source, run.file)) };
}

/** The drawable part of a parsed graph: ids, labels, shapes and handlers of nodes, labelled edges. */
export function graphView(graph: Graph): Omit<RunGraph, 'runId' | 'pipeline'> {
  const direction = readString(graph.attrs, 'rankdir')?.toUpperCase();
  const rankdir = rankdirs.find((value) => value === direction) ?? 'TB';
  const nodes = [...graph.nodes.values()].map((node) => ({ id: node.id, label: readString(node.attrs, 'label') ?? node.id, shape: shapeOf(node), handler: handlerTypeOf(node) }));
  const edges = graph.edges.map((edge) => {
    const label = readString(edge.attrs, 'label');
    return { from: edge.from, to: edge.to, ...(label !== undefined && label !== '' && { label }) };
  });
  return { rankdir, nodes, edges };
}
