import type { AttributeScope, AttributeSpec } from './attribute-spec.js';
import { DISPLAY_ATTRIBUTES } from './display-attributes.js';
import { EDGE_ATTRIBUTES } from './edge-attributes.js';
import { editDistance } from '../../core/edit-distance.js';
import { GRAPH_ATTRIBUTES } from './graph-attributes.js';
import { HANDLER_ATTRIBUTES } from './handler-attributes.js';
import { NODE_ATTRIBUTES } from './node-attributes.js';

/** Every attribute of the dialect: the pipeline's own, then Graphviz display attributes. */
export const ATTRIBUTES: readonly AttributeSpec[] = [...GRAPH_ATTRIBUTES, ...NODE_ATTRIBUTES, ...HANDLER_ATTRIBUTES, ...EDGE_ATTRIBUTES, ...DISPLAY_ATTRIBUTES];

const byScope = new Map<AttributeScope, Map<string, AttributeSpec>>();
for (const spec of ATTRIBUTES) {
  for (const scope of spec.appliesTo) {
    let names = byScope.get(scope);
    if (!names) byScope.set(scope, (names = new Map()));
    for (const name of [spec.name, ...(spec.aliases ?? [])]) names.set(name, spec);
  }
}

/** The attribute `name` (or an alias of it) as written on a graph, node or edge; undefined when unknown. */
export function findAttribute(scope: AttributeScope, name: string): AttributeSpec | undefined {
  return byScope.get(scope)?.get(name);
}

/** Every attribute that applies to `scope`, in catalog order. */
export function attributesFor(scope: AttributeScope): AttributeSpec[] {
  return ATTRIBUTES.filter((spec) => spec.appliesTo.includes(scope));
}

/**
 * The known attribute of `scope` nearest to the unknown `name`, for "did you mean" (decision 29):
 * at most a third of the name's length away (at least one edit), ties going to the catalog order.
 * Returns the canonical name even when the nearest match is an alias.
 */
export function closestAttributeName(scope: AttributeScope, name: string): string | undefined {
  const names = byScope.get(scope);
  if (!names || names.has(name)) return undefined;
  const limit = Math.max(1, Math.floor(name.length / 3));
  let best: AttributeSpec | undefined;
  let bestDistance = limit + 1;
  for (const [candidate, spec] of names) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = spec;
      bestDistance = distance;
    }
  }
  return best?.name;
}
