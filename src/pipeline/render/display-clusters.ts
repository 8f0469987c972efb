import type { GraphNode, SubgraphRef } from '../graph/model.js';
import { dotAttributes } from './quote.js';

/**
 * Which subgraphs are drawn as a box around their nodes: those Graphviz itself would draw
 * (`cluster…` names) and any subgraph with a label, since a label is a name the author gave a group.
 * Other subgraphs only scope defaults and are not drawn.
 */
export function isDrawnCluster(ref: SubgraphRef): boolean {
  return ref.label !== undefined || (ref.id?.startsWith('cluster') ?? false);
}

/** A drawn cluster with the nodes directly inside it and the clusters nested in it. */
export interface ClusterTree {
  label: string | undefined;
  nodeIds: string[];
  children: ClusterTree[];
}

/**
 * Nodes grouped by their drawn clusters, outermost first. Subgraphs are matched by id, as Graphviz
 * merges two `subgraph cluster_x { … }` blocks into one; anonymous ones by the block they came from.
 */
export function clusterTree(nodes: Iterable<GraphNode>): ClusterTree {
  const root: ClusterTree = { label: undefined, nodeIds: [], children: [] };
  const byKey = new Map<unknown, ClusterTree>();
  for (const node of nodes) {
    let parent = root;
    for (const ref of node.subgraphs.filter(isDrawnCluster)) {
      const key = ref.id ?? ref;
      let tree = byKey.get(key);
      if (!tree) {
        tree = { label: ref.label, nodeIds: [], children: [] };
        byKey.set(key, tree);
        parent.children.push(tree);
      }
      parent = tree;
    }
    parent.nodeIds.push(node.id);
  }
  return root;
}

/**
 * DOT lines for the tree's clusters, each named `cluster_N` by position so that no user text
 * becomes a Graphviz identifier; `nodeLine` draws one node.
 */
export function clusterLines(tree: ClusterTree, nodeLine: (id: string) => string, indent = '  ', counter = { next: 0 }): string[] {
  const lines = tree.nodeIds.map((id) => `${indent}${nodeLine(id)}`);
  for (const child of tree.children) {
    const name = `cluster_${counter.next++}`;
    const attrs = dotAttributes({ label: child.label ?? '', id: name, style: 'rounded,dashed', color: '#90a4ae', fontname: 'Helvetica', fontsize: '11' });
    lines.push(`${indent}subgraph "${name}" {`, `${indent}  graph [${attrs}];`);
    lines.push(...clusterLines(child, nodeLine, `${indent}  `, counter), `${indent}}`);
  }
  return lines;
}
