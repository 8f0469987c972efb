import type { GraphNode } from '../../pipeline/graph/model.js';

/**
 * The run context as templates see it: every key as written (`context["tool.output"]`) and, for
 * dotted keys, also as nested objects (`context.tool.output`). A key written whole wins over a
 * nested path of the same name, so `context.a` stays "x" when both `a` and `a.b` are set.
 */
export function contextView(context: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const view: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(context)) if (key.includes('.')) setPath(view, key.split('.'), value);
  // Keys as written go last, so they win over nested paths built above.
  for (const [key, value] of Object.entries(context)) view[key] = value;
  return view;
}

function setPath(root: Record<string, unknown>, parts: readonly string[], value: unknown): void {
  let target = root;
  for (const part of parts.slice(0, -1)) {
    if (!Object.hasOwn(target, part)) target[part] = {};
    const next = target[part];
    // Only objects built here are written into; a value already at this path stays as it is.
    if (typeof next !== 'object' || next === null || Array.isArray(next)) return;
    target = next as Record<string, unknown>;
  }
  const leaf = parts[parts.length - 1] as string;
  if (!Object.hasOwn(target, leaf)) target[leaf] = value;
}

/** `{{ node.id }}`, `{{ node.label }}` and every other attribute by name, as plain values. */
export function nodeView(node: GraphNode | undefined): Record<string, unknown> {
  if (!node) return {};
  const view: Record<string, unknown> = { id: node.id, classes: [...node.classes] };
  for (const [key, attribute] of Object.entries(node.attrs)) {
    const value = attribute.value;
    view[key] = value.kind === 'duration' ? value.text : value.value;
  }
  return view;
}
