import type { AttributeScope } from '../../attributes/attribute-spec.js';
import { closestAttributeName, findAttribute } from '../../attributes/catalog.js';
import type { Diagnostic } from '../diagnostic.js';
import type { Attribute } from '../../graph/model.js';
import type { LintRule } from '../lint-rule.js';
import { attributeOwners, isFirstSighting, ownerName, ownerWhere, type AttributeOwner } from './attribute-owners.js';

const scopes: readonly AttributeScope[] = ['graph', 'node', 'edge'];

/**
 * Attributes the dialect does not know do nothing, which hides typos such as `max_retry`
 * (decision 29). Graphviz display attributes are known. Nodes of custom handler types may carry
 * attributes of their own, so they are not checked.
 */
export const unknownAttributeRule: LintRule = {
  name: 'unknown_attribute',
  apply(graph, ctx) {
    const diagnostics: Diagnostic[] = [];
    const seen = new Set<string>();
    for (const owner of attributeOwners(graph)) {
      if (owner.scope === 'node' && !ctx.builtInHandlerTypes.has(ctx.handlerType(owner.node))) continue;
      for (const key in owner.attrs) {
        const attr = owner.attrs[key] as Attribute;
        if (findAttribute(owner.scope, key) || !isFirstSighting(seen, attr)) continue;
        diagnostics.push({ ...describe(owner, key), rule: 'unknown_attribute', severity: 'warning', loc: attr.loc, ...ownerWhere(owner) });
      }
    }
    return diagnostics;
  },
};

function describe(owner: AttributeOwner, key: string): Pick<Diagnostic, 'message' | 'fix'> {
  const name = ownerName(owner);
  const guess = closestAttributeName(owner.scope, key);
  if (guess) {
    return { message: `Unknown attribute "${key}" on ${name}; it is ignored. Did you mean "${guess}"?`, fix: `${guess}=...` };
  }
  const elsewhere = scopes.find((scope) => scope !== owner.scope && findAttribute(scope, key));
  if (elsewhere) {
    return {
      message: `Attribute "${key}" belongs on ${elsewhere === 'graph' ? 'the graph' : `an ${elsewhere}`}, not on ${name}; here it is ignored.`,
      fix: elsewhere === 'graph' ? `move it to the graph: graph [${key}=...]` : `move it to the ${elsewhere} that needs it`,
    };
  }
  return { message: `Unknown attribute "${key}" on ${name}; it is ignored.`, fix: 'remove it, or correct its spelling' };
}
