import { closestName, didYouMean } from '../../../core/closest-name.js';
import { CONTEXT_FROM, parseContextFrom } from '../../attributes/context-from.js';
import { textValue } from '../../graph/model.js';
import type { Diagnostic } from '../diagnostic.js';
import type { LintRule } from '../lint-rule.js';

/**
 * Every id in `context.from` names a declared node (issue 9): a typo would otherwise give the
 * prompt "no such node" instead of the output the author meant. Reported at the id itself.
 */
export const contextFromExistsRule: LintRule = {
  name: 'context_from_exists',
  apply(graph, ctx) {
    const declared = [...graph.nodes.values()].filter((node) => !node.implicit).map((node) => node.id);
    const diagnostics: Diagnostic[] = [];
    for (const node of graph.nodes.values()) {
      const attr = node.attrs[CONTEXT_FROM];
      if (!attr) continue;
      const locate = ctx.locateInValue(attr);
      for (const { id, offset } of parseContextFrom(textValue(attr.value))) {
        const named = graph.nodes.get(id);
        if (named && !named.implicit) continue;
        const guess = closestName(id, declared);
        diagnostics.push({
          rule: 'context_from_exists',
          severity: 'error',
          message: `Node ${node.id} has ${CONTEXT_FROM} naming node "${id}", which is not a declared node.${didYouMean(id, declared)}`,
          loc: locate(offset) ?? attr.loc,
          nodeId: node.id,
          fix: guess ? `write ${guess} instead of ${id} in ${CONTEXT_FROM}` : `name declared nodes in ${CONTEXT_FROM}, separated by commas`,
        });
      }
    }
    return diagnostics;
  },
};
