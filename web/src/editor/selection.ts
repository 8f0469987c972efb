import type { EditorGraph } from './dot-edit';

/** What the attribute panel shows: the graph itself, a node, or an edge (by the ids of the current reading). */
export type Selection = { kind: 'graph' } | { kind: 'node'; id: string } | { kind: 'edge'; id: string };

export interface SelectedTarget {
  scope: Selection['kind'];
  title: string;
  attrs: Readonly<Record<string, string>>;
}

/** The selected thing as the graph now reads; the graph when it is gone (deleted, renamed in the text). */
export function targetOf(graph: EditorGraph, selection: Selection): { selection: Selection; target: SelectedTarget } {
  if (selection.kind === 'node') {
    const node = graph.nodes.find((candidate) => candidate.id === selection.id);
    if (node) return { selection, target: { scope: 'node', title: `Node ${node.id}`, attrs: node.attrs } };
  }
  if (selection.kind === 'edge') {
    const edge = graph.edges.find((candidate) => candidate.id === selection.id);
    if (edge) return { selection, target: { scope: 'edge', title: `Edge ${edge.from} → ${edge.to}`, attrs: edge.attrs } };
  }
  return { selection: { kind: 'graph' }, target: { scope: 'graph', title: `Graph ${graph.name}`, attrs: graph.attrs } };
}
