import { useCallback, useEffect, useRef, useState } from 'react';
import { resolveSelection, type Selection } from './task-table/selection.js';

export interface SelectionHandle {
  /** The selection as of the last key, which may be newer than the last render. */
  latest: () => Selection;
  select: (next: Selection) => void;
}

/**
 * The selected task. Kept in a ref as well as rendered: several keys can arrive between two renders,
 * and `j` then `a` must attach to the task `j` moved to.
 */
export function useSelection(keys: readonly string[], initial: Selection): SelectionHandle {
  const selection = useRef(initial);
  const [, setVersion] = useState(0);
  const select = useCallback((next: Selection) => {
    if (next.key === selection.current.key && next.index === selection.current.index) return;
    selection.current = next;
    setVersion((version) => version + 1);
  }, []);
  const latest = useCallback(() => selection.current, []);

  // A vanished task hands the selection to its neighbour for good, not only while it is gone.
  useEffect(() => {
    select(resolveSelection(keys, selection.current));
  }, [keys, select]);

  return { latest, select };
}
