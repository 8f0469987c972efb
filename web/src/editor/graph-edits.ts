import type { DotEdit, EditorGraph } from './dot-edit';

/**
 * The edits that delete what was selected: the edges first, each pair's later repeats before its
 * earlier ones (an edge id counts the repeats of its pair, so removing `a->b#0` first would
 * renumber `a->b#1`), then the nodes. Removing a node removes its edges (dot-edit splits the chains
 * it was in), so those are not removed twice.
 */
export function deletionEdits(graph: EditorGraph, nodeIds: readonly string[], edgeIds: readonly string[]): DotEdit[] {
  const gone = new Set(nodeIds);
  const edges = graph.edges.filter((edge) => edgeIds.includes(edge.id) && !gone.has(edge.from) && !gone.has(edge.to));
  const repeat = (id: string) => Number(id.slice(id.lastIndexOf('#') + 1));
  const edgeEdits = edges.sort((a, b) => repeat(b.id) - repeat(a.id)).map((edge): DotEdit => ({ kind: 'remove-edge', edge: edge.id }));
  const nodeEdits = nodeIds.filter((id) => graph.nodes.some((node) => node.id === id)).map((id): DotEdit => ({ kind: 'remove-node', id }));
  return [...edgeEdits, ...nodeEdits];
}
