import type { Diagnostic } from '../diagnostic.js';
import type { LintRule } from '../lint-rule.js';
import { textValue, type Attribute } from '../../graph/model.js';
import { hasText } from './attr-checks.js';

/**
 * A manager loop has a child pipeline to supervise: the graph attribute `stack.child_dotfile`
 * (digest §3.1, decision 20), the one place the engine reads it from.
 */
export const managerChildDotfileRule: LintRule = {
  name: 'manager_child_dotfile',
  apply(graph, ctx) {
    if (hasText(graph.attrs['stack.child_dotfile'])) return [];
    const diagnostics: Diagnostic[] = [];
    for (const node of graph.nodes.values()) {
      if (ctx.handlerType(node) !== 'stack.manager_loop') continue;
      // §4.11: a manager that starts no child (it supervises one named in the context, or none) needs no file.
      if (autostartOff(node.attrs['stack.child_autostart'])) continue;
      diagnostics.push({
        rule: 'manager_child_dotfile',
        severity: 'error',
        message: `Manager loop node ${node.id} has no child pipeline: the graph attribute stack.child_dotfile is not set.`,
        loc: node.loc,
        nodeId: node.id,
        fix: 'graph [stack.child_dotfile="child.dot"] (relative to this file)',
      });
    }
    return diagnostics;
  },
};

function autostartOff(attr: Attribute | undefined): boolean {
  return attr !== undefined && textValue(attr.value).trim().toLowerCase() === 'false';
}
