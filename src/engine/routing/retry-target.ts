import type { Graph, GraphNode } from '../../pipeline/graph/model.js';
import { readString } from '../../pipeline/graph/attr-read.js';

/** Where a retry target came from, for messages. */
export type RetryTargetSource = 'retry_target' | 'fallback_retry_target' | 'graph retry_target' | 'graph fallback_retry_target';

export interface RetryTarget {
  target: string;
  source: RetryTargetSource;
}

/** The node's own targets: retry_target, then fallback_retry_target (decision 3). */
export function nodeRetryTarget(node: GraphNode, graph: Graph): RetryTarget | undefined {
  return firstExisting(graph, [
    [readString(node.attrs, 'retry_target'), 'retry_target'],
    [readString(node.attrs, 'fallback_retry_target'), 'fallback_retry_target'],
  ]);
}

/**
 * The goal-gate chain of digest §10: node retry_target → node fallback_retry_target → graph
 * retry_target → graph fallback_retry_target. A name that is no node is skipped (lint reports it).
 */
export function gateRetryTarget(node: GraphNode, graph: Graph): RetryTarget | undefined {
  return (
    nodeRetryTarget(node, graph) ??
    firstExisting(graph, [
      [readString(graph.attrs, 'retry_target'), 'graph retry_target'],
      [readString(graph.attrs, 'fallback_retry_target'), 'graph fallback_retry_target'],
    ])
  );
}

function firstExisting(graph: Graph, candidates: Array<[string | undefined, RetryTargetSource]>): RetryTarget | undefined {
  for (const [value, source] of candidates) {
    const target = value?.trim();
    if (target && graph.nodes.has(target)) return { target, source };
  }
  return undefined;
}
