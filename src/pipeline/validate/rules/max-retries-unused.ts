import { textValue } from '../../graph/model.js';
import { findExitNodes, findStartNodes, handlerTypeOf } from '../../graph/node-kind.js';
import type { Diagnostic } from '../diagnostic.js';
import type { LintRule } from '../lint-rule.js';

// Handlers that never fail or ask for a retry: retries on their nodes can never happen.
const alwaysSucceed = new Set(['start', 'exit', 'conditional']);

/**
 * `max_retries` on a node whose handler always succeeds (start, exit, a conditional diamond) does
 * nothing; the author most likely meant the node before or after it (issue 9).
 */
export const maxRetriesUnusedRule: LintRule = {
  name: 'max_retries_unused',
  apply(graph) {
    const roles = new Set([...findStartNodes(graph), ...findExitNodes(graph)].map((node) => node.id));
    const diagnostics: Diagnostic[] = [];
    for (const node of graph.nodes.values()) {
      const attr = node.attrs['max_retries'];
      if (!attr) continue;
      const handler = handlerTypeOf(node);
      if (!alwaysSucceed.has(handler) && !(roles.has(node.id) && !node.attrs['type'])) continue;
      diagnostics.push({
        rule: 'max_retries_unused',
        severity: 'warning',
        message: `Node ${node.id} sets max_retries=${textValue(attr.value)}, but it is a ${roles.has(node.id) ? 'start or exit' : handler} node, which always succeeds: it is never retried.`,
        loc: attr.loc,
        nodeId: node.id,
        fix: `move max_retries to the node that can fail, and remove it from ${node.id}`,
      });
    }
    return diagnostics;
  },
};
