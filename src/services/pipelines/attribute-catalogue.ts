import type { AttributeSpec, AttributeType } from '../../pipeline/attributes/attribute-spec.js';
import { ATTRIBUTES } from '../../pipeline/attributes/catalog.js';

export interface CatalogueEntry {
  name: string;
  appliesTo: ('graph' | 'node' | 'edge')[];
  type: 'string' | 'integer' | 'float' | 'boolean' | 'duration' | 'enum';
  /** For enums: the values allowed. */
  values?: string[];
  /** For integers: the smallest value that means anything. */
  min?: number;
  /** The default as text, when it has one (a constant or a description such as "the node id"). */
  default?: string;
  description: string;
  aliases?: string[];
  /** Handler types that read it, or 'all'. */
  handlers: 'all' | string[];
  /** A Graphviz layout attribute: accepted, drawn, ignored by the engine. */
  display: boolean;
}

/** The attribute catalogue as data, for the pipeline editor's side panel (issue 15). */
export function attributeCatalogue(): CatalogueEntry[] {
  return ATTRIBUTES.map(entryOf);
}

function entryOf(spec: AttributeSpec): CatalogueEntry {
  const defaultText = spec.default !== undefined ? String(spec.default) : spec.defaultText;
  return {
    name: spec.name,
    appliesTo: [...spec.appliesTo],
    ...typeOf(spec.type),
    ...(defaultText === undefined ? {} : { default: defaultText }),
    description: spec.description,
    ...(spec.aliases === undefined ? {} : { aliases: [...spec.aliases] }),
    handlers: spec.handlers === 'all' ? 'all' : [...spec.handlers],
    display: spec.display === true,
  };
}

function typeOf(type: AttributeType): Pick<CatalogueEntry, 'type' | 'values' | 'min'> {
  if (type.kind === 'enum') return { type: 'enum', values: [...type.values] };
  if (type.kind === 'integer' && type.min !== undefined) return { type: 'integer', min: type.min };
  return { type: type.kind };
}
