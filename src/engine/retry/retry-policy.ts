import { ErrorCode, OrchestraError } from '../../core/errors.js';
import type { Graph, GraphNode } from '../../pipeline/graph/model.js';
import { ownerOf, readBool, readInt, readString } from '../../pipeline/graph/attr-read.js';
import { retriesFailOutcomes } from './retry-decision.js';
import { defaultBackoff, isRetryPresetName, RetryPresets, type BackoffConfig } from './backoff.js';

/** Everything the run loop needs to retry one node, resolved once from node and graph attributes. */
export interface RetryPolicy {
  /** Total attempts, at least 1. */
  maxAttempts: number;
  backoff: BackoffConfig;
  /** Decision 1: FAIL outcomes use the retry budget when the node opts in or sets `max_retries` (§11.5). */
  retryOnFail: boolean;
  /** Errors not marked transient use the budget only with `retry_on_fail` (node, else graph default). */
  retryErrors: boolean;
  /** RETRY with no attempts left becomes PARTIAL_SUCCESS instead of FAIL. */
  allowPartial: boolean;
}

/**
 * Attempts: node `max_retries` + 1, else the `retry_policy` preset's attempts, else graph
 * `default_max_retries` (alias `default_max_retry`, decision 15) + 1, else 1. The preset also picks
 * the backoff; without one the spec's default backoff applies.
 */
export function resolveRetryPolicy(node: GraphNode, graph: Graph): RetryPolicy {
  const preset = resolvePreset(node);
  const nodeRetries = readInt(node.attrs, 'max_retries', ownerOf(node));
  const nodeRetryOnFail = readBool(node.attrs, 'retry_on_fail', ownerOf(node));
  const graphRetryOnFail = readBool(graph.attrs, 'default_retry_on_fail', ownerOf(graph));
  const retries =
    nodeRetries ??
    (preset ? preset.maxAttempts - 1 : undefined) ??
    readInt(graph.attrs, 'default_max_retries', ownerOf(graph)) ??
    readInt(graph.attrs, 'default_max_retry', ownerOf(graph)) ??
    0;
  return {
    maxAttempts: Math.max(0, retries) + 1,
    backoff: preset?.backoff ?? defaultBackoff,
    retryOnFail: retriesFailOutcomes(nodeRetryOnFail, nodeRetries !== undefined, graphRetryOnFail),
    retryErrors: nodeRetryOnFail ?? graphRetryOnFail ?? false,
    allowPartial: readBool(node.attrs, 'allow_partial', ownerOf(node)) ?? false,
  };
}

function resolvePreset(node: GraphNode) {
  const name = readString(node.attrs, 'retry_policy')?.trim();
  if (name === undefined || name === '') return undefined;
  if (isRetryPresetName(name)) return RetryPresets[name];
  const attr = node.attrs['retry_policy'];
  throw new OrchestraError(ErrorCode.ATTRIBUTE_TYPE, `Node "${node.id}" has retry_policy="${name}", which is not a retry preset.`, {
    hint: `Use one of: ${Object.keys(RetryPresets).join(', ')}.`,
    location: attr?.loc,
  });
}
