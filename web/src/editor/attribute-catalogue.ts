/*
 * The attribute catalogue (pipelines.attributes) as the side panel reads it: which attributes a
 * graph, node or edge takes, and the control each one gets: a select for an enum, a checkbox for a
 * boolean, a number box for a number, a text area for prompts and other long text.
 */

export type AttributeScope = 'graph' | 'node' | 'edge';

export interface CatalogueAttribute {
  name: string;
  appliesTo: readonly AttributeScope[];
  type: 'string' | 'integer' | 'float' | 'boolean' | 'duration' | 'enum';
  /** For an enum: the values allowed. */
  values?: readonly string[];
  /** For an integer: the smallest value that means anything. */
  min?: number;
  /** The default as text (a constant, or what it is when unset: "the node id"). */
  default?: string;
  description: string;
  /** A Graphviz layout attribute: accepted and drawn, ignored by the engine. */
  display?: boolean;
}

export interface AttributeCatalogue {
  attributes: CatalogueAttribute[];
}

export type FieldKind =
  | { control: 'select'; values: readonly string[] }
  | { control: 'checkbox' }
  | { control: 'number'; step: number; min?: number }
  | { control: 'textarea' }
  | { control: 'text' };

/** Attributes whose values are prose, not a word. */
const longText = new Set(['prompt', 'goal', 'label', 'tool_command', 'model_stylesheet', 'question']);

export function fieldKindOf(attribute: CatalogueAttribute): FieldKind {
  const { type, values, min } = attribute;
  if (type === 'enum' && values !== undefined) return { control: 'select', values };
  if (type === 'boolean') return { control: 'checkbox' };
  if (type === 'integer') return { control: 'number', step: 1, ...(min !== undefined && { min }) };
  if (type === 'float') return { control: 'number', step: 0.1 };
  return longText.has(attribute.name) ? { control: 'textarea' } : { control: 'text' };
}

/** The catalogue's attributes for a scope, the ones already set first (in the catalogue's order within each). */
export function attributesFor(catalogue: AttributeCatalogue, scope: AttributeScope, set: Readonly<Record<string, string>>): CatalogueAttribute[] {
  const fitting = catalogue.attributes.filter((attribute) => attribute.appliesTo.includes(scope));
  return [...fitting.filter((attribute) => attribute.name in set), ...fitting.filter((attribute) => !(attribute.name in set))];
}

/** What the panel shows for an unset attribute: its default, when it has one worth saying. */
export function defaultOf(attribute: CatalogueAttribute): string | undefined {
  return attribute.default === '' ? undefined : attribute.default;
}
