import type { Attribute, Graph, GraphNode } from '../graph/model.js';
import { findExitNodes, findStartNodes, handlerTypeOf, SHAPE_TO_TYPE, DEFAULT_HANDLER_TYPE } from '../graph/node-kind.js';
import type { LintContext } from './lint-rule.js';
import { reachableIds } from './traverse.js';
import { createValueLocator } from './value-locator.js';

/** Every handler type the engine ships, whatever the shape map says. */
// `pipeline` (composed pipelines) has no shape of its own; it is built in all the same.
export const BUILT_IN_HANDLER_TYPES: readonly string[] = [...new Set([DEFAULT_HANDLER_TYPE, ...Object.values(SHAPE_TO_TYPE), 'pipeline', 'workflow'])];

export interface LintContextOptions {
  knownHandlerTypes?: readonly string[];
  variables?: Readonly<Record<string, string>>;
  /** The DOT source, so diagnostics inside attribute values can point at the exact character. */
  source?: string;
}

/** Builds the shared, lazily computed facts rules ask about one graph. */
export function createLintContext(graph: Graph, options: LintContextOptions = {}): LintContext {
  const types = new Map<GraphNode, string>();
  const memo = <T>(compute: () => T): (() => T) => {
    let value: { v: T } | undefined;
    return () => (value ??= { v: compute() }).v;
  };
  const startNode = memo(() => single(findStartNodes(graph)));
  const exitNode = memo(() => single(findExitNodes(graph)));
  return {
    knownHandlerTypes: new Set([...BUILT_IN_HANDLER_TYPES, ...(options.knownHandlerTypes ?? [])]),
    builtInHandlerTypes: new Set(BUILT_IN_HANDLER_TYPES),
    variables: options.variables ?? {},
    handlerType(node) {
      let type = types.get(node);
      if (type === undefined) {
        type = handlerTypeOf(node);
        types.set(node, type);
      }
      return type;
    },
    startNode,
    exitNode,
    reachableFromStart: memo(() => {
      const start = startNode();
      return start ? reachableIds(graph, start.id, 'forward') : new Set<string>();
    }),
    reachingExit: memo(() => {
      const exit = exitNode();
      return exit ? reachableIds(graph, exit.id, 'backward') : new Set<string>();
    }),
    locateInValue: (attr: Attribute) => createValueLocator(options.source, attr),
  };
}

function single(nodes: readonly GraphNode[]): GraphNode | undefined {
  return nodes.length === 1 ? nodes[0] : undefined;
}
