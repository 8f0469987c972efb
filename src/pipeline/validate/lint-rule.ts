import type { Attribute, Graph, GraphNode } from '../graph/model.js';
import type { ValueLocator } from '../stylesheet/index.js';
import type { Diagnostic } from './diagnostic.js';

/** A validation rule (digest §21). Custom rules run after the built-in ones. */
export interface LintRule {
  name: string;
  apply(graph: Graph, ctx: LintContext): Diagnostic[];
}

/**
 * What every rule may need besides the graph, computed once per validation and shared: the
 * traversals are lazy so a 10,000-node graph is walked at most once per question.
 */
export interface LintContext {
  /** Handler types the engine will know: built-ins plus those registered at run time (decision 16). */
  knownHandlerTypes: ReadonlySet<string>;
  /** The handler types Orchestra itself ships. */
  builtInHandlerTypes: ReadonlySet<string>;
  /** Run variables given on the command line (decision 26). */
  variables: Readonly<Record<string, string>>;
  /** The handler type each node resolves to. */
  handlerType(node: GraphNode): string;
  /** The single start node, or undefined when there is none or more than one. */
  startNode(): GraphNode | undefined;
  /** The single exit node, or undefined when there is none or more than one. */
  exitNode(): GraphNode | undefined;
  /** Ids reachable from the start node (empty without a single start). */
  reachableFromStart(): ReadonlySet<string>;
  /** Ids from which the exit node can be reached (empty without a single exit). */
  reachingExit(): ReadonlySet<string>;
  /** Maps offsets in an attribute value to file positions, when the DOT source is known. */
  locateInValue(attr: Attribute): ValueLocator;
}
