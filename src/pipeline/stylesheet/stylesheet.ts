import type { SourceLocation } from '../../core/source-location.js';

/** The node properties a model stylesheet may set (digest §16). */
export const StyleProperty = {
  LLM_MODEL: 'llm_model',
  LLM_PROVIDER: 'llm_provider',
  REASONING_EFFORT: 'reasoning_effort',
} as const;
export type StyleProperty = (typeof StyleProperty)[keyof typeof StyleProperty];
export const styleProperties: readonly StyleProperty[] = Object.values(StyleProperty);

export const SelectorKind = {
  UNIVERSAL: 'universal',
  SHAPE: 'shape',
  CLASS: 'class',
  ID: 'id',
} as const;
export type SelectorKind = (typeof SelectorKind)[keyof typeof SelectorKind];

/** `*` < shape < `.class` < `#id`; equal specificity → the later rule wins. */
export const selectorSpecificity: Readonly<Record<SelectorKind, number>> = {
  universal: 0,
  shape: 1,
  class: 2,
  id: 3,
};

export interface StyleSelector {
  kind: SelectorKind;
  /** The shape, class or node id; `*` for the universal selector. */
  name: string;
}

export interface StyleDeclaration {
  property: StyleProperty;
  value: string;
  /** Offset of the property name inside the stylesheet text. */
  offset: number;
}

export interface StyleRule {
  selector: StyleSelector;
  declarations: readonly StyleDeclaration[];
  /** Position among the stylesheet's rules, from 0; breaks specificity ties. */
  order: number;
}

export interface Stylesheet {
  rules: readonly StyleRule[];
}

/** Maps an offset inside an attribute value to where that character sits in the DOT file. */
export type ValueLocator = (offset: number) => SourceLocation | undefined;
