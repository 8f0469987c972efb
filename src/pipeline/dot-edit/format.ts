import { isAttributeKey } from '../dot/parse-attrs.js';
import { DotEditError } from './errors.js';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const KEYWORDS = new Set(['digraph', 'graph', 'node', 'edge', 'subgraph', 'strict']);
/** Values the lexer reads back as one word, number or duration: safe to write without quotes. */
const BARE_VALUE = /^(?:[A-Za-z_][A-Za-z0-9_.]*|-?\d+(?:\.\d+)?|\d+(?:ms|s|m|h|d))$/;

/** `"..."` with `\` and `"` escaped; the lexer's unescaping gives `value` back exactly. */
export function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * A value as the edit writes it. New values are quoted (`key="v"`); a value that replaces one the
 * author wrote bare (`shape=box`) stays bare when it can, so the line keeps its style.
 */
export function formatValue(value: string, bare: boolean): string {
  return bare && BARE_VALUE.test(value) ? value : quote(value);
}

/** A node id as written in a statement: plain identifiers bare, anything else quoted. */
export function formatId(id: string): string {
  return IDENTIFIER.test(id) && !KEYWORDS.has(id.toLowerCase()) ? id : quote(id);
}

/**
 * Ids the editor may create: letters, digits and underscores, starting with a letter or underscore
 * (the ids conditions and context keys can name). Existing quoted ids can still be edited.
 */
export function checkNewNodeId(id: string): void {
  if (!IDENTIFIER.test(id) || KEYWORDS.has(id.toLowerCase())) {
    throw new DotEditError(`"${id}" is not a valid node id`, 'Node ids are letters, digits and underscores, starting with a letter or underscore, and not a DOT keyword (node, edge, graph, subgraph, digraph, strict).');
  }
}

export function checkAttributeKey(key: string): void {
  if (!isAttributeKey(key)) {
    throw new DotEditError(`"${key}" is not a valid attribute name`, 'Attribute names are letters, digits and underscores, dotted for groups: tool_hooks.pre');
  }
}

/** Pinned position text; rounded to hundredths so dragging does not write long fractions. */
export function formatPos(x: number, y: number): string {
  if (!Number.isFinite(x) || !Number.isFinite(y)) throw new DotEditError(`The position ${x},${y} is not a pair of finite numbers`);
  const round = (n: number): string => String(Math.round(n * 100) / 100 || 0);
  return `${round(x)},${round(y)}!`;
}
