/**
 * The selected task, kept by key so it stays put while rows appear and disappear above it; the
 * index is where it was, so when the task itself disappears the selection lands on its neighbour.
 */
export interface Selection {
  key?: string;
  index: number;
}

export const NO_SELECTION: Selection = { index: 0 };

function clamp(index: number, length: number): number {
  return Math.min(Math.max(index, 0), Math.max(length - 1, 0));
}

/** The selection within the current rows (`keys` in display order). */
export function resolveSelection(keys: readonly string[], selection: Selection): Selection {
  // Nothing to select: remember the old task, it may come back with the next listing.
  if (keys.length === 0) return selection;
  const found = selection.key === undefined ? -1 : keys.indexOf(selection.key);
  if (found >= 0) return { key: selection.key, index: found };
  const index = clamp(selection.index, keys.length);
  return { key: keys[index], index };
}

/** Up (`delta` < 0) or down, stopping at the first and last task. */
export function moveSelection(keys: readonly string[], selection: Selection, delta: number): Selection {
  if (keys.length === 0) return selection;
  const index = clamp(resolveSelection(keys, selection).index + delta, keys.length);
  return { key: keys[index], index };
}
