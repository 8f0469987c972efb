import type { Rankdir, RunGraph } from '../runs/types';
import type { EditorGraph } from './dot-edit';
import type { DiagnosticView } from './lint-range';

/*
 * The editor's graph as React Flow draws it: positions from the file where the user pinned them
 * (`pos`), else from ELK; each node carries the worst diagnostic that names it.
 */

export type Point = { x: number; y: number };

export interface EditorNodeData extends Record<string, unknown> {
  label: string;
  shape: string;
  rankdir: Rankdir;
  pinned: boolean;
  /** The worst first; empty when the validator has nothing to say about the node. */
  diagnostics: readonly DiagnosticView[];
}

const rankdirs = new Set<string>(['TB', 'LR', 'BT', 'RL']);

export function rankdirOf(graph: EditorGraph): Rankdir {
  const value = graph.attrs.rankdir?.toUpperCase() ?? 'TB';
  return (rankdirs.has(value) ? value : 'TB') as Rankdir;
}

export function labelOf(node: EditorGraph['nodes'][number]): string {
  return node.attrs.label ?? node.id;
}

/** The shape the run graph's layout takes (web/src/graph lays out runs and pipelines alike). */
export function toLayoutInput(graph: EditorGraph): RunGraph {
  return {
    runId: '',
    pipeline: graph.name,
    rankdir: rankdirOf(graph),
    nodes: graph.nodes.map((node) => ({ id: node.id, label: labelOf(node), shape: node.attrs.shape ?? 'box', handler: '' })),
    edges: graph.edges.map((edge) => ({ from: edge.from, to: edge.to, ...(edge.attrs.label !== undefined && { label: edge.attrs.label }) })),
  };
}

/** Changes when a layout must be made again: the nodes, the edges or the direction, not an attribute's value. */
export function structureOf(graph: EditorGraph): string {
  const labels = graph.nodes.map((node) => `${node.id}=${labelOf(node)}`).join('\n');
  return `${rankdirOf(graph)}\n${labels}\n${graph.edges.map((edge) => edge.id).join('\n')}`;
}

/** Where each node is drawn: its pinned `pos` first, else ELK's place, else the origin until a layout arrives. */
export function positionOf(node: EditorGraph['nodes'][number], laidOut: ReadonlyMap<string, Point> | undefined): Point {
  if (node.pos !== undefined) return { x: node.pos.x, y: node.pos.y };
  return laidOut?.get(node.id) ?? { x: 0, y: 0 };
}

/** A fresh node id (`stage_1`, `stage_2`…) no node of the graph has. */
export function freshNodeId(graph: EditorGraph, stem = 'stage'): string {
  const taken = new Set(graph.nodes.map((node) => node.id));
  for (let n = 1; ; n++) if (!taken.has(`${stem}_${n}`)) return `${stem}_${n}`;
}
