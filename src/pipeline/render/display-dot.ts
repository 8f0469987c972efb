import { textValue, type Graph, type GraphEdge, type GraphNode } from '../graph/model.js';
import { ownerOf, readBool } from '../graph/attr-read.js';
import { handlerTypeOf } from '../graph/node-kind.js';
import { clusterLines, clusterTree } from './display-clusters.js';
import { nodeStyleFor } from './node-style.js';
import { dotAttributes, quoteDot } from './quote.js';

const directions = new Set(['TB', 'LR', 'BT', 'RL']);

/**
 * A clean DOT text for drawing `graph`: only attributes chosen here, every id and value quoted,
 * so nothing the user wrote reaches Graphviz unescaped (no images, no HTML labels, no escapes).
 * SVG ids and classes (`node_<id>`, `edge_<index>`, `kind_<type>`) let the dashboard find and
 * restyle nodes; underscores, because Graphviz writes `-` as `&#45;` in SVG attributes.
 */
export function toDisplayDot(graph: Graph): string {
  const lines = [`digraph ${quoteDot(graph.name || 'pipeline')} {`];
  const rankdir = attrText(graph.attrs['rankdir']);
  // Wider spacing than Graphviz's default keeps edge labels (a gate's choices) clear of the edges
  // around them, loops back included.
  const layout = { rankdir: rankdir && directions.has(rankdir) ? rankdir : 'TB', nodesep: '0.8', ranksep: '0.7' };
  lines.push(`  graph [${dotAttributes({ ...layout, fontname: 'Helvetica', pad: '0.3', label: attrText(graph.attrs['label']) ?? '' })}];`);
  lines.push(`  node [${dotAttributes({ fontname: 'Helvetica', fontsize: '12', margin: '0.2,0.08' })}];`);
  lines.push(`  edge [${dotAttributes({ fontname: 'Helvetica', fontsize: '10' })}];`);
  const nodeLine = (id: string): string => `${quoteDot(id)} [${nodeAttributes(graph.nodes.get(id) as GraphNode)}];`;
  lines.push(...clusterLines(clusterTree(graph.nodes.values()), nodeLine));
  for (const edge of graph.edges) lines.push(`  ${quoteDot(edge.from)} -> ${quoteDot(edge.to)} [${edgeAttributes(edge)}];`);
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

function nodeAttributes(node: GraphNode): string {
  const type = handlerTypeOf(node);
  const style = nodeStyleFor(type);
  const cssType = type.replace(/[^A-Za-z0-9_]/g, '_');
  // A goal gate gets a double outline: the run may only exit once it has succeeded.
  const isGoalGate = readBool(node.attrs, 'goal_gate', ownerOf(node)) ?? false;
  return dotAttributes({
    label: attrText(node.attrs['label']) || node.id,
    shape: style.shape,
    style: style.style,
    fillcolor: style.fillcolor,
    ...(isGoalGate ? { peripheries: '2', penwidth: '1.5' } : {}),
    id: `node_${node.id}`,
    class: isGoalGate ? `kind_${cssType} goal_gate` : `kind_${cssType}`,
    tooltip: isGoalGate ? `${node.id} (${type}, goal gate)` : `${node.id} (${type})`,
  });
}

function edgeAttributes(edge: GraphEdge): string {
  const label = attrText(edge.attrs['label']);
  const condition = attrText(edge.attrs['condition']);
  const parts = [label, condition ? `[${condition}]` : undefined].filter((part): part is string => Boolean(part));
  const attrs: Record<string, string> = { label: parts.join('\n'), id: `edge_${edge.index}` };
  if (attrText(edge.attrs['loop_restart']) === 'true') attrs['style'] = 'dashed';
  return dotAttributes(attrs);
}

function attrText(attr: GraphNode['attrs'][string] | undefined): string | undefined {
  return attr ? textValue(attr.value) : undefined;
}
