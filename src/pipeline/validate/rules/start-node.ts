import { formatLocation } from '../../../core/source-location.js';
import { findStartNodes } from '../../graph/node-kind.js';
import type { Diagnostic } from '../diagnostic.js';
import type { LintRule } from '../lint-rule.js';

/** Exactly one start node: the Mdiamond, or failing that a node named start/Start (decision 13). */
export const startNodeRule: LintRule = {
  name: 'start_node',
  apply(graph) {
    const starts = findStartNodes(graph);
    const [first, ...others] = starts;
    if (!first) {
      return [
        {
          rule: 'start_node',
          severity: 'error',
          message: 'No start node: the run has nowhere to begin.',
          loc: graph.loc,
          fix: 'add one: start [shape=Mdiamond]',
        },
      ];
    }
    return others.map(
      (node): Diagnostic => ({
        rule: 'start_node',
        severity: 'error',
        message: `Node ${node.id} is a second start node (the first is ${first.id} at ${formatLocation(first.loc)}); a pipeline has exactly one.`,
        loc: node.attrs['shape']?.loc ?? node.loc,
        nodeId: node.id,
        fix: `keep one start node and give ${node.id} another shape`,
      }),
    );
  },
};
