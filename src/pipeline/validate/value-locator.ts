import type { SourceLocation } from '../../core/source-location.js';
import type { Attribute } from '../graph/model.js';
import type { ValueLocator } from '../stylesheet/index.js';

// DOT escapes that stand for one character of the value (digest §2).
const oneCharEscapes = new Set(['"', 'n', 't', '\\']);

/**
 * Maps an offset inside an attribute's value to its position in the DOT source, by re-reading the
 * `key = "value"` text at the attribute's location. Returns undefined when the text there is not
 * what the parser saw (no source, or a default inherited from elsewhere): callers then fall back
 * to the attribute's own location.
 */
export function createValueLocator(source: string | undefined, attr: Attribute): ValueLocator {
  return function locateInValue(offset: number): SourceLocation | undefined {
    if (source === undefined) return undefined;
    let i = indexOfPosition(source, attr.loc.line, attr.loc.column);
    if (i === undefined) return undefined;
    if (source.startsWith(`"${attr.key}"`, i)) i += attr.key.length + 2;
    else if (source.startsWith(attr.key, i)) i += attr.key.length;
    else return undefined;
    i = skipSpace(source, i);
    if (source[i] !== '=') return undefined;
    i = skipSpace(source, i + 1);
    if (source[i] !== '"') return positionOf(source, i + offset, attr.loc.file);
    i += 1;
    for (let seen = 0; seen < offset && i < source.length; seen += 1) {
      i += source[i] === '\\' && oneCharEscapes.has(source[i + 1] ?? '') ? 2 : 1;
    }
    return positionOf(source, i, attr.loc.file);
  };
}

function skipSpace(source: string, i: number): number {
  while (i < source.length && /\s/.test(source[i] as string)) i += 1;
  return i;
}

function indexOfPosition(source: string, line: number, column: number): number | undefined {
  let index = 0;
  for (let current = 1; current < line; current += 1) {
    const next = source.indexOf('\n', index);
    if (next < 0) return undefined;
    index = next + 1;
  }
  const result = index + column - 1;
  return result <= source.length ? result : undefined;
}

function positionOf(source: string, index: number, file: string): SourceLocation {
  const before = source.lastIndexOf('\n', index - 1);
  let line = 1;
  for (let i = source.indexOf('\n'); i >= 0 && i < index; i = source.indexOf('\n', i + 1)) line += 1;
  return { file, line, column: index - before };
}
