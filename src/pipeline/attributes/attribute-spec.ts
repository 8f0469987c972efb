/** Where an attribute may be written. */
export const AttributeScope = {
  GRAPH: 'graph',
  NODE: 'node',
  EDGE: 'edge',
} as const;
export type AttributeScope = (typeof AttributeScope)[keyof typeof AttributeScope];

export type AttributeType =
  | { kind: 'string' }
  /** `min`: the smallest value that means anything (a count of retries cannot be negative). */
  | { kind: 'integer'; min?: number }
  | { kind: 'float' }
  | { kind: 'boolean' }
  | { kind: 'duration' }
  | { kind: 'enum'; values: readonly string[] };

/** One attribute of the dialect, as data: validation, docs and did-you-mean all read this. */
export interface AttributeSpec {
  name: string;
  appliesTo: readonly AttributeScope[];
  type: AttributeType;
  /** The value used when the attribute is absent; undefined means unset. */
  default?: string | number | boolean;
  /** For defaults that are not a constant ("the node id", "graph default_max_retries"). */
  defaultText?: string;
  /** Handler types that read it, or 'all'. */
  handlers: 'all' | readonly string[];
  description: string;
  /** Older or alternative names that mean the same attribute (decision 15). */
  aliases?: readonly string[];
  /** A Graphviz layout attribute: accepted so real files load, and ignored. */
  display?: boolean;
}

export const STRING = { kind: 'string' } as const satisfies AttributeType;
export const INTEGER = { kind: 'integer' } as const satisfies AttributeType;
/** A count that may be zero (`max_retries=0`). */
export const COUNT = { kind: 'integer', min: 0 } as const satisfies AttributeType;
/** A limit of at least one (`max_visits`, `max_parallel`). */
export const POSITIVE = { kind: 'integer', min: 1 } as const satisfies AttributeType;
export const FLOAT = { kind: 'float' } as const satisfies AttributeType;
export const BOOLEAN = { kind: 'boolean' } as const satisfies AttributeType;
export const DURATION = { kind: 'duration' } as const satisfies AttributeType;

export function enumOf(...values: string[]): AttributeType {
  return { kind: 'enum', values };
}

/** The six context fidelity modes (spec §5.4). */
export const FIDELITY_MODES = ['full', 'truncate', 'compact', 'summary:low', 'summary:medium', 'summary:high'] as const;
export const FIDELITY = enumOf(...FIDELITY_MODES);

export const REASONING_EFFORT = enumOf('low', 'medium', 'high');
