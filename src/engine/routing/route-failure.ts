import type { Outcome } from '../../core/outcome.js';
import type { Graph, GraphEdge, GraphNode } from '../../pipeline/graph/model.js';
import { outgoingEdges } from '../../pipeline/graph/model.js';
import { nodeRetryTarget, type RetryTargetSource } from './retry-target.js';
import { selectConditionalEdge, type ContextLookup } from './select-edge.js';

export type FailureRoute =
  | { kind: 'edge'; edge: GraphEdge }
  | { kind: 'retry_target'; target: string; source: RetryTargetSource }
  | { kind: 'fail'; message: string };

/**
 * Where a FAIL outcome goes once retries are spent (decision 3): an edge whose condition holds,
 * then the node's retry_target, then its fallback_retry_target; otherwise the run fails.
 * Unconditional edges are never followed on FAIL.
 */
export function routeFailure(graph: Graph, node: GraphNode, outcome: Outcome, lookup: ContextLookup): FailureRoute {
  const byCondition = selectConditionalEdge(outgoingEdges(graph, node.id), outcome, lookup);
  if (byCondition) return { kind: 'edge', edge: byCondition.edge };
  const retry = nodeRetryTarget(node, graph);
  if (retry) return { kind: 'retry_target', ...retry };
  const reason = outcome.failureReason?.trim() || 'no failure reason given';
  return { kind: 'fail', message: `Node "${node.id}" failed: ${reason}` };
}
