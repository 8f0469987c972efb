import { formatLocation } from '../../../core/source-location.js';
import { findExitNodes } from '../../graph/node-kind.js';
import type { Diagnostic } from '../diagnostic.js';
import type { LintRule } from '../lint-rule.js';

/** Exactly one exit node: the Msquare, or failing that a node named exit/end/Exit/End (decision 13). */
export const terminalNodeRule: LintRule = {
  name: 'terminal_node',
  apply(graph) {
    const exits = findExitNodes(graph);
    const [first, ...others] = exits;
    if (!first) {
      return [
        {
          rule: 'terminal_node',
          severity: 'error',
          message: 'No exit node: the run has no way to finish.',
          loc: graph.loc,
          fix: 'add one: exit [shape=Msquare]',
        },
      ];
    }
    return others.map(
      (node): Diagnostic => ({
        rule: 'terminal_node',
        severity: 'error',
        message: `Node ${node.id} is a second exit node (the first is ${first.id} at ${formatLocation(first.loc)}); a pipeline has exactly one.`,
        loc: node.attrs['shape']?.loc ?? node.loc,
        nodeId: node.id,
        fix: `keep one exit node and route ${node.id}'s incoming edges to ${first.id}`,
      }),
    );
  },
};
