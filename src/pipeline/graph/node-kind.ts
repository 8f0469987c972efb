import { textValue, type Graph, type GraphNode } from './model.js';

/** Shapes that select a built-in handler (spec §2.8). Every other shape means `codergen`. */
export const SHAPE_TO_TYPE = {
  Mdiamond: 'start',
  Msquare: 'exit',
  box: 'codergen',
  hexagon: 'wait.human',
  diamond: 'conditional',
  component: 'parallel',
  tripleoctagon: 'parallel.fan_in',
  parallelogram: 'tool',
  house: 'stack.manager_loop',
} as const;
export type ShapeName = keyof typeof SHAPE_TO_TYPE;

export const DEFAULT_HANDLER_TYPE = 'codergen';

// Graphviz matches shape names without regard to case, so `MDiamond` and `mdiamond` are the start shape.
const shapeByLowerName = new Map<string, ShapeName>(Object.keys(SHAPE_TO_TYPE).map((shape) => [shape.toLowerCase(), shape as ShapeName]));

/** The canonical shape name (`mdiamond` → `Mdiamond`) when `shape` is one of SHAPE_TO_TYPE's, else undefined. */
export function knownShape(shape: string): ShapeName | undefined {
  return shapeByLowerName.get(shape.toLowerCase());
}

/** The node's shape attribute, canonicalised when it is a handler shape; `box` when absent. */
export function shapeOf(node: GraphNode): string {
  const attr = node.attrs.shape;
  if (!attr) return 'box';
  const text = textValue(attr.value);
  return knownShape(text) ?? text;
}

/** Which handler runs the node: a non-empty `type`, else its shape's handler, else `codergen` (spec §4.2). */
export function handlerTypeOf(node: GraphNode): string {
  const type = node.attrs.type;
  if (type) {
    const text = textValue(type.value).trim();
    if (text !== '') return text;
  }
  const shape = knownShape(shapeOf(node));
  return shape === undefined ? DEFAULT_HANDLER_TYPE : SHAPE_TO_TYPE[shape];
}

const START_ALIASES = new Set(['start', 'Start']);
const EXIT_ALIASES = new Set(['exit', 'end', 'Exit', 'End']);

/** Decision 13: every `Mdiamond` node; only when there is none, nodes with id `start`/`Start`. */
export function findStartNodes(graph: Graph): GraphNode[] {
  return findByShapeOrAlias(graph, 'Mdiamond', START_ALIASES);
}

/** Decision 13: every `Msquare` node; only when there is none, nodes with id `exit`/`end`/`Exit`/`End`. */
export function findExitNodes(graph: Graph): GraphNode[] {
  return findByShapeOrAlias(graph, 'Msquare', EXIT_ALIASES);
}

function findByShapeOrAlias(graph: Graph, shape: ShapeName, aliases: ReadonlySet<string>): GraphNode[] {
  const byShape: GraphNode[] = [];
  const byAlias: GraphNode[] = [];
  for (const node of graph.nodes.values()) {
    if (shapeOf(node) === shape) byShape.push(node);
    else if (aliases.has(node.id)) byAlias.push(node);
  }
  return byShape.length > 0 ? byShape : byAlias;
}
