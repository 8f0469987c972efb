import type { CstEdgeStatement, CstFile, CstNodeRef } from './cst.js';
import { allStatements } from './locate.js';
import { blankBefore, indentAt, newlineOf, statementRemoval, type Splice } from './splice.js';

/**
 * Rewrites one edge statement into the pieces left after some of its hops go (`removed`, hop i being
 * nodes[i] -> nodes[i+1]) or after hop `isolate` is split out to get attributes of its own.
 * `a -> b -> c` losing b -> c keeps `a -> b [attrs]`; losing both hops of b keeps `a` and `c` as
 * node statements, but only those no other statement still mentions (and never `drop`, the node
 * being removed). Pieces keep their text as written; each chain repeats the statement's `[...]`.
 */
export function rewriteEdge(text: string, file: CstFile, statement: CstEdgeStatement, cut: { removed?: ReadonlySet<number>; isolate?: number; drop?: string }): Splice {
  const refs = statement.nodes;
  const segments = segmentsOf(refs.length, cut);
  const chains = segments.filter((segment) => segment.length > 1);
  const mentioned = mentionedElsewhere(file, statement);
  for (const chain of chains) for (const index of chain) mentioned.add(refs[index]!.id);
  const last = refs[refs.length - 1]!;
  const tail = text.slice(last.token.end, statement.end);
  const pieces: string[] = [];
  for (const segment of segments) {
    const first = refs[segment[0]!]!;
    if (segment.length > 1) {
      pieces.push(text.slice(first.token.start, refs[segment[segment.length - 1]!]!.token.end) + tail);
    } else if (first.id !== cut.drop && !mentioned.has(first.id)) {
      mentioned.add(first.id);
      pieces.push(textOf(text, first));
    }
  }
  if (pieces.length === 0) return statementRemoval(text, statement.start, statement.semicolon?.end ?? statement.end);
  const terminator = statement.semicolon === undefined ? '' : ';';
  const joiner = blankBefore(text, statement.start) ? `${terminator}${newlineOf(text)}${indentAt(text, statement.start)}` : '; ';
  return { start: statement.start, end: statement.end, insert: pieces.join(joiner) };
}

/** Runs of node indexes joined by the hops that stay. */
function segmentsOf(count: number, cut: { removed?: ReadonlySet<number>; isolate?: number }): number[][] {
  const segments: number[][] = [[0]];
  for (let hop = 0; hop + 1 < count; hop++) {
    const current = segments[segments.length - 1]!;
    if (cut.removed?.has(hop)) segments.push([hop + 1]);
    else if (hop === cut.isolate) segments.push([hop, hop + 1], [hop + 1]);
    else current.push(hop + 1);
  }
  return segments;
}

function mentionedElsewhere(file: CstFile, except: CstEdgeStatement): Set<string> {
  const ids = new Set<string>();
  for (const statement of allStatements(file.body)) {
    if (statement.kind === 'node') ids.add(statement.node.id);
    else if (statement.kind === 'edge' && statement !== except) for (const ref of statement.nodes) ids.add(ref.id);
  }
  return ids;
}

function textOf(text: string, ref: CstNodeRef): string {
  return text.slice(ref.token.start, ref.token.end);
}
