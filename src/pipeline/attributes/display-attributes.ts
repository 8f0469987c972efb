import { BOOLEAN, enumOf, FLOAT, INTEGER, STRING, type AttributeScope, type AttributeSpec, type AttributeType } from './attribute-spec.js';

type Row = [name: string, appliesTo: readonly AttributeScope[], type: AttributeType, description: string];

const all = ['graph', 'node', 'edge'] as const;
const graph = ['graph'] as const;
const node = ['node'] as const;
const edge = ['edge'] as const;
const graphAndNode = ['graph', 'node'] as const;
const nodeAndEdge = ['node', 'edge'] as const;

// Graphviz layout attributes that real pipeline files carry. Accepted so that pasted files load
// without warnings; the engine never reads them.
const rows: Row[] = [
  ['rankdir', graph, enumOf('TB', 'LR', 'BT', 'RL'), 'Layout direction.'],
  ['rank', graph, STRING, 'Rank constraint of a subgraph (`same`, `min`, ...).'],
  ['bgcolor', graph, STRING, 'Background color.'],
  ['splines', graph, STRING, 'How edges are drawn.'],
  ['nodesep', graph, FLOAT, 'Space between nodes of a rank.'],
  ['ranksep', graph, STRING, 'Space between ranks.'],
  ['compound', graph, BOOLEAN, 'Allow edges between clusters.'],
  ['concentrate', graph, BOOLEAN, 'Merge parallel edges.'],
  ['newrank', graph, BOOLEAN, 'Rank nodes globally.'],
  ['size', graph, STRING, 'Maximum drawing size.'],
  ['ratio', graph, STRING, 'Aspect ratio.'],
  ['dpi', graph, FLOAT, 'Resolution.'],
  ['pad', graph, STRING, 'Padding around the drawing.'],
  ['center', graph, BOOLEAN, 'Center the drawing.'],
  ['layout', graph, STRING, 'Layout engine.'],
  ['ordering', graph, STRING, 'Edge ordering.'],
  ['labelloc', graphAndNode, STRING, 'Vertical label placement.'],
  ['labeljust', graph, STRING, 'Horizontal label placement.'],
  ['margin', graphAndNode, STRING, 'Margin.'],
  ['color', all, STRING, 'Line color.'],
  ['fillcolor', all, STRING, 'Fill color.'],
  ['pencolor', graph, STRING, 'Cluster outline color.'],
  ['style', all, STRING, 'Drawing style (`filled`, `dashed`, `bold`, ...).'],
  ['fontname', all, STRING, 'Font.'],
  ['fontsize', all, FLOAT, 'Font size.'],
  ['fontcolor', all, STRING, 'Font color.'],
  ['penwidth', all, FLOAT, 'Line width.'],
  ['tooltip', all, STRING, 'Tooltip in SVG output.'],
  ['URL', all, STRING, 'Link in SVG output.'],
  ['href', all, STRING, 'Link in SVG output.'],
  ['xlabel', nodeAndEdge, STRING, 'Label outside the node or edge.'],
  ['width', node, FLOAT, 'Minimum width.'],
  ['height', node, FLOAT, 'Minimum height.'],
  ['fixedsize', node, STRING, 'Fix the size regardless of the label.'],
  ['peripheries', node, INTEGER, 'Number of outlines.'],
  ['sides', node, INTEGER, 'Sides of a polygon.'],
  ['orientation', node, FLOAT, 'Rotation of the shape.'],
  ['group', node, STRING, 'Keep edges within a group straight.'],
  ['image', node, STRING, 'Image inside the node.'],
  ['pos', node, STRING, 'Position of the node, `"x,y"`; `"x,y!"` pins it (the pipeline editor writes it when a node is moved).'],
  ['arrowhead', edge, STRING, 'Arrow at the head.'],
  ['arrowtail', edge, STRING, 'Arrow at the tail.'],
  ['arrowsize', edge, FLOAT, 'Arrow size.'],
  ['dir', edge, STRING, 'Which ends get arrows.'],
  ['constraint', edge, BOOLEAN, 'Whether the edge affects ranking.'],
  ['minlen', edge, INTEGER, 'Minimum rank distance.'],
  ['headlabel', edge, STRING, 'Label at the head.'],
  ['taillabel', edge, STRING, 'Label at the tail.'],
  ['labelfontsize', edge, FLOAT, 'Font size of head and tail labels.'],
  ['labelfontcolor', edge, STRING, 'Font color of head and tail labels.'],
  ['labelangle', edge, FLOAT, 'Angle of head and tail labels.'],
  ['labeldistance', edge, FLOAT, 'Distance of head and tail labels.'],
  ['decorate', edge, BOOLEAN, 'Connect the label to the edge.'],
  ['lhead', edge, STRING, 'Cluster the edge is clipped at (head).'],
  ['ltail', edge, STRING, 'Cluster the edge is clipped at (tail).'],
  ['samehead', edge, STRING, 'Edges sharing a head point.'],
  ['sametail', edge, STRING, 'Edges sharing a tail point.'],
];

export const DISPLAY_ATTRIBUTES: readonly AttributeSpec[] = rows.map(([name, appliesTo, type, description]) => ({
  name,
  appliesTo,
  type,
  handlers: 'all',
  description,
  display: true,
}));
