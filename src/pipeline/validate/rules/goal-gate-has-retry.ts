import type { Diagnostic } from '../diagnostic.js';
import type { LintRule } from '../lint-rule.js';
import { isTrue } from './attr-checks.js';

const targetKeys = ['retry_target', 'fallback_retry_target'] as const;

/** A goal gate has somewhere to send the run when it is unsatisfied at the exit (digest §10). */
export const goalGateHasRetryRule: LintRule = {
  name: 'goal_gate_has_retry',
  apply(graph) {
    if (targetKeys.some((key) => graph.attrs[key])) return [];
    const diagnostics: Diagnostic[] = [];
    for (const node of graph.nodes.values()) {
      const gate = node.attrs['goal_gate'];
      if (!gate || !isTrue(gate) || targetKeys.some((key) => node.attrs[key])) continue;
      diagnostics.push({
        rule: 'goal_gate_has_retry',
        severity: 'warning',
        message: `Node ${node.id} is a goal gate without a retry_target: if it has not succeeded when the run reaches the exit, the run fails.`,
        loc: gate.loc,
        nodeId: node.id,
        fix: `add retry_target=<node to go back to> to ${node.id}, or a graph-level retry_target`,
      });
    }
    return diagnostics;
  },
};
