import type { AttributeScope } from '../../attributes/attribute-spec.js';
import { closestAttributeName, findAttribute } from '../../attributes/catalog.js';
import type { Diagnostic } from '../diagnostic.js';
import type { Attribute } from '../../graph/model.js';
import type { LintRule } from '../lint-rule.js';
import { ownerName, ownerWhere, writtenAttributes, type AttributeOwner } from './attribute-owners.js';

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
    const checked = (owner: AttributeOwner): boolean => owner.scope !== 'node' || ctx.builtInHandlerTypes.has(ctx.handlerType(owner.node));
    const unknown = (owner: AttributeOwner, attr: Attribute): boolean => checked(owner) && !findAttribute(owner.scope, attr.key);
    for (const { owner, attr } of writtenAttributes(graph, unknown)) {
      diagnostics.push({ ...describe(owner, attr.key), rule: 'unknown_attribute', severity: 'warning', loc: attr.loc, ...ownerWhere(owner) });
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
