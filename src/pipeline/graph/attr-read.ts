import { tryParseDuration } from '../../core/duration.js';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { formatLocation } from '../../core/source-location.js';
import { textValue, type Attribute, type Attributes, type AttrValue, type Graph, type GraphEdge, type GraphNode } from './model.js';

/**
 * Typed reads of attribute values. The parser keeps values as written (`max_retries="3"` is a
 * string); these readers accept every spelling that means the type and throw E_ATTRIBUTE_TYPE for
 * the rest. Each returns undefined when the attribute is absent. `owner` names the attribute's
 * node, edge or graph in messages (see ownerOf).
 */

/** `node "plan"`, `edge a -> b` or `graph "G"`, for messages. */
export function ownerOf(item: GraphNode | GraphEdge | Graph): string {
  if ('from' in item) return `edge ${item.from} -> ${item.to}`;
  if ('nodes' in item) return item.name === '' ? 'the graph' : `graph "${item.name}"`;
  return `node "${item.id}"`;
}

export function readAttribute(attrs: Attributes, key: string): Attribute | undefined {
  return Object.hasOwn(attrs, key) ? attrs[key] : undefined;
}

/** Any value reads as text: `label=42` is the label "42". */
export function readString(attrs: Attributes, key: string, _owner?: string): string | undefined {
  const attr = readAttribute(attrs, key);
  return attr === undefined ? undefined : textValue(attr.value);
}

const INTEGER_TEXT = /^-?\d+$/;
const NUMBER_TEXT = /^-?(?:\d+(?:\.\d*)?|\.\d+)$/;

export function readInt(attrs: Attributes, key: string, owner?: string): number | undefined {
  return read(attrs, key, owner, 'an integer', `Write a whole number, as in ${key}=3.`, (value) => {
    if (value.kind === 'integer') return value.value;
    if (value.kind === 'string' && INTEGER_TEXT.test(value.value.trim())) return Number(value.value.trim());
    return undefined;
  });
}

export function readFloat(attrs: Attributes, key: string, owner?: string): number | undefined {
  return read(attrs, key, owner, 'a number', `Write a number, as in ${key}=0.5.`, (value) => {
    if (value.kind === 'integer' || value.kind === 'float') return value.value;
    if (value.kind === 'string' && NUMBER_TEXT.test(value.value.trim())) return Number(value.value.trim());
    return undefined;
  });
}

/** `true`/`false` in any case, quoted or not. */
export function readBool(attrs: Attributes, key: string, owner?: string): boolean | undefined {
  return read(attrs, key, owner, 'true or false', `Write true or false, as in ${key}=true.`, (value) => {
    if (value.kind === 'boolean') return value.value;
    if (value.kind !== 'string' && value.kind !== 'bare') return undefined;
    const text = value.value.trim().toLowerCase();
    return text === 'true' ? true : text === 'false' ? false : undefined;
  });
}

/** A duration (`900s`, `"15m"`) or a whole number of seconds (`900`, `"900"`), in milliseconds. */
export function readDurationMs(attrs: Attributes, key: string, owner?: string): number | undefined {
  const hint = `Write a number followed by ms, s, m, h or d, as in ${key}=900s; a plain whole number means seconds.`;
  return read(attrs, key, owner, 'a duration such as 250ms, 900s, 15m, 2h or 1d', hint, (value) => {
    let ms: number | undefined;
    if (value.kind === 'duration') ms = value.ms;
    else if (value.kind === 'integer') ms = value.value * 1_000;
    else if (value.kind === 'string' || value.kind === 'bare') {
      const text = value.value.trim();
      ms = INTEGER_TEXT.test(text) ? Number(text) * 1_000 : tryParseDuration(text);
    }
    return ms !== undefined && ms >= 0 ? ms : undefined;
  });
}

/** One of `values`, compared exactly; the message lists them. */
export function readEnum<T extends string>(attrs: Attributes, key: string, values: readonly T[], owner?: string): T | undefined {
  const list = values.join(', ');
  return read(attrs, key, owner, `one of ${list}`, `Write one of ${list}, as in ${key}=${values[0] ?? ''}.`, (value) => {
    if (value.kind !== 'string' && value.kind !== 'bare') return undefined;
    return values.find((candidate) => candidate === value.value);
  });
}

function read<T>(attrs: Attributes, key: string, owner: string | undefined, expected: string, hint: string, convert: (value: AttrValue) => T | undefined): T | undefined {
  const attr = readAttribute(attrs, key);
  if (attr === undefined) return undefined;
  const result = convert(attr.value);
  if (result !== undefined) return result;
  const of = owner === undefined ? '' : ` of ${owner}`;
  const message = `Attribute "${key}"${of} (${formatLocation(attr.loc)}) must be ${expected}, found ${describeValue(attr.value)}.`;
  throw new OrchestraError(ErrorCode.ATTRIBUTE_TYPE, message, { hint, location: attr.loc });
}

/** The value the way it was written: strings quoted, everything else bare. */
export function describeValue(value: AttrValue): string {
  return value.kind === 'string' ? JSON.stringify(value.value) : textValue(value);
}
