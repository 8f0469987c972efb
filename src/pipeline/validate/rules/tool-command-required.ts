import type { Diagnostic } from '../diagnostic.js';
import type { LintRule } from '../lint-rule.js';
import { hasText } from './attr-checks.js';

/** A tool node has a command to run (digest §7, decision 7). */
export const toolCommandRequiredRule: LintRule = {
  name: 'tool_command_required',
  apply(graph, ctx) {
    const diagnostics: Diagnostic[] = [];
    for (const node of graph.nodes.values()) {
      if (ctx.handlerType(node) !== 'tool' || hasText(node.attrs['tool_command'])) continue;
      diagnostics.push({
        rule: 'tool_command_required',
        severity: 'error',
        message: `Tool node ${node.id} has no tool_command, so it has nothing to run.`,
        loc: node.attrs['tool_command']?.loc ?? node.loc,
        nodeId: node.id,
        fix: `${node.id} [tool_command="make test"]`,
      });
    }
    return diagnostics;
  },
};
