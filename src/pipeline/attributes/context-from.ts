/** The node attribute naming upstream nodes whose outputs the node's prompt receives (seed 003, issue 9). */
export const CONTEXT_FROM = 'context.from';

export interface ListedNode {
  id: string;
  /** Offset of the id in the attribute's value, for diagnostics at its exact place. */
  offset: number;
}

/** `"plan, review"` → plan at 0, review at 6: comma-separated, blanks dropped, each id once. */
export function parseContextFrom(value: string): ListedNode[] {
  const listed: ListedNode[] = [];
  const seen = new Set<string>();
  let offset = 0;
  for (const part of value.split(',')) {
    const id = part.trim();
    if (id !== '' && !seen.has(id)) {
      seen.add(id);
      listed.push({ id, offset: offset + part.indexOf(id) });
    }
    offset += part.length + 1;
  }
  return listed;
}
