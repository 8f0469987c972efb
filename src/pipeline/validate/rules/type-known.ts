import { textValue } from '../../graph/model.js';
import { closestMatch } from '../closest.js';
import type { Diagnostic } from '../diagnostic.js';
import type { LintRule } from '../lint-rule.js';

/** An explicit `type` names a handler the engine knows, built in or registered at run time (decision 16). */
export const typeKnownRule: LintRule = {
  name: 'type_known',
  apply(graph, ctx) {
    const diagnostics: Diagnostic[] = [];
    for (const node of graph.nodes.values()) {
      const attr = node.attrs['type'];
      const type = attr ? textValue(attr.value).trim() : '';
      if (!attr || type === '' || ctx.knownHandlerTypes.has(type)) continue;
      const guess = closestMatch(type, ctx.knownHandlerTypes);
      diagnostics.push({
        rule: 'type_known',
        severity: 'warning',
        message: `Node ${node.id} has type "${type}", which no handler is registered for.${guess ? ` Did you mean "${guess}"?` : ''}`,
        loc: attr.loc,
        nodeId: node.id,
        fix: guess ? `type="${guess}"` : `use one of ${[...ctx.knownHandlerTypes].join(', ')}, or register a handler for "${type}"`,
      });
    }
    return diagnostics;
  },
};
