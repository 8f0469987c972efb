import type * as Yaml from 'yaml';
import type { Document, LineCounter, Node } from 'yaml';
import { lazyRequire } from '../core/lazy-require.js';
import type { SourceLocation } from '../core/source-location.js';

// Only an invalid config's message points into its YAML: a run's start does not load the parser
// (issue 9). Its node tests work on any copy of the package (they compare Symbol.for tags).
const yaml = lazyRequire<typeof Yaml>('yaml');

/** A parsed YAML file with what is needed to point at any key in it. */
export interface YamlSource {
  file: string;
  text: string;
  doc: Document;
  lines: LineCounter;
}

/**
 * Where the item at `path` was written: its key (`at: 'key'`) or its value. A path that runs out
 * (a missing key) points at the deepest part that exists, so "required" errors land on the parent.
 */
export function locate(source: YamlSource, path: readonly PropertyKey[], at: 'key' | 'value' = 'value'): SourceLocation {
  let node: unknown = source.doc.contents;
  let key: Node | undefined;
  for (const segment of path) {
    const next = child(node, segment);
    if (!next) break;
    [key, node] = [next.key, next.value];
  }
  const target = at === 'key' && key ? key : ((node as Node | null) ?? key);
  return spanOf(source, target?.range ?? undefined);
}

function child(node: unknown, segment: PropertyKey): { key: Node | undefined; value: unknown } | undefined {
  const { isMap, isScalar, isSeq } = yaml();
  if (isMap(node)) {
    const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
    return pair ? { key: pair.key as Node, value: pair.value } : undefined;
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment];
    return item === undefined ? undefined : { key: undefined, value: item };
  }
  return undefined;
}

function spanOf(source: YamlSource, range: readonly number[] | undefined): SourceLocation {
  const [start = 0, end = start] = range ?? [];
  const from = source.lines.linePos(start);
  const to = source.lines.linePos(end);
  const sameLine = to.line === from.line && end > start;
  return {
    file: source.file,
    line: from.line,
    column: from.col,
    endLine: from.line,
    endColumn: sameLine ? to.col : from.col + 1,
  };
}

/** `providers.anthropic.models.smart`; sequence items as `[2]`. */
export function formatKeyPath(path: readonly PropertyKey[]): string {
  return path.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`)).join('') || '(top level)';
}
