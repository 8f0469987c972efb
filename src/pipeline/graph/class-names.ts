/**
 * The class a subgraph label gives its nodes: lowercase, each space becomes '-', anything outside
 * [a-z0-9-] is dropped (`Loop A` → `loop-a`). Undefined when nothing is left.
 */
export function deriveClass(label: string): string | undefined {
  const derived = label
    .toLowerCase()
    .replace(/\s/g, '-')
    .replace(/[^a-z0-9-]/g, '');
  return derived === '' ? undefined : derived;
}

/** `class="code, critical"` → ['code', 'critical']: comma-separated, trimmed, empty parts dropped. */
export function splitClassList(text: string): string[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
