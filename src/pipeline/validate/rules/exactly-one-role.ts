import { formatLocation } from '../../../core/source-location.js';
import type { Graph, GraphNode } from '../../graph/model.js';
import type { Diagnostic } from '../diagnostic.js';
import type { LintRule } from '../lint-rule.js';

export interface RoleSpec {
  rule: string;
  /** `start` or `exit`: the word used in messages. */
  role: string;
  find(graph: Graph): GraphNode[];
  whenMissing: { message: string; fix: string };
  /** What to do about a second node with the role, given it and the first. */
  fixForExtra(extra: GraphNode, first: GraphNode): string;
}

/** A rule requiring exactly one node with a role (decision 13): an error when none, one per extra. */
export function exactlyOneRole(spec: RoleSpec): LintRule {
  return {
    name: spec.rule,
    apply(graph) {
      const [first, ...others] = spec.find(graph);
      if (!first) return [{ rule: spec.rule, severity: 'error', message: spec.whenMissing.message, loc: graph.loc, fix: spec.whenMissing.fix }];
      return others.map(
        (node): Diagnostic => ({
          rule: spec.rule,
          severity: 'error',
          message: `Node ${node.id} is another ${spec.role} node: ${others.length + 1} were found (the first is ${first.id} at ${formatLocation(first.loc)}); a pipeline has exactly one.`,
          loc: node.attrs['shape']?.loc ?? node.loc,
          nodeId: node.id,
          fix: spec.fixForExtra(node, first),
        }),
      );
    },
  };
}
