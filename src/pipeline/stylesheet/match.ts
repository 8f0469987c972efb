import type { GraphNode } from '../graph/model.js';
import { knownShape, shapeOf } from '../graph/node-kind.js';
import {
  selectorSpecificity,
  SelectorKind,
  type StyleDeclaration,
  type StyleProperty,
  type StyleSelector,
  type Stylesheet,
} from './stylesheet.js';

export type MatchedStyle = Partial<Record<StyleProperty, StyleDeclaration>>;

export function selectorMatches(selector: StyleSelector, node: GraphNode): boolean {
  switch (selector.kind) {
    case SelectorKind.UNIVERSAL:
      return true;
    case SelectorKind.SHAPE:
      // Shape names match without regard to case, as Graphviz does (`msquare` is `Msquare`).
      return shapeOf(node) === (knownShape(selector.name) ?? selector.name);
    case SelectorKind.CLASS:
      return node.classes.includes(selector.name);
    case SelectorKind.ID:
      return node.id === selector.name;
  }
}

/**
 * The winning declaration per property for one node: highest specificity, and among equals the
 * later rule (and within a rule the later declaration).
 */
export function matchStyle(stylesheet: Stylesheet, node: GraphNode): MatchedStyle {
  const best: MatchedStyle = {};
  const rank: Partial<Record<StyleProperty, number>> = {};
  for (const rule of stylesheet.rules) {
    if (!selectorMatches(rule.selector, node)) continue;
    const specificity = selectorSpecificity[rule.selector.kind];
    for (const declaration of rule.declarations) {
      const current = rank[declaration.property];
      // Rules come in order, so `>=` lets a later rule of equal specificity win.
      if (current === undefined || specificity >= current) {
        best[declaration.property] = declaration;
        rank[declaration.property] = specificity;
      }
    }
  }
  return best;
}
