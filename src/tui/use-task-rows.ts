import { useCallback, useEffect, useRef, useState } from 'react';
import type { TaskRow, WatchSource } from './watch-source.js';

export interface TaskRowsState {
  rows: TaskRow[] | undefined; // undefined until the first listing arrives
  listError: unknown; // the last listing failed; cleared by the next one that works
  refresh: () => void;
}

/**
 * The source's rows, re-listed whenever it signals a change. Change signals can come in bursts (every
 * line of agent output), so at most one listing runs at a time and a burst costs one more listing.
 * `onRows` sees each listing just before it is drawn.
 */
export function useTaskRows(source: WatchSource, initialRows: TaskRow[] | undefined, onRows: (rows: TaskRow[]) => void): TaskRowsState {
  const [rows, setRows] = useState<TaskRow[] | undefined>(initialRows);
  const [listError, setListError] = useState<unknown>(undefined);
  const alive = useRef(true);
  const listing = useRef(false);
  const again = useRef(false);
  const onRowsLatest = useRef(onRows);
  onRowsLatest.current = onRows;

  const refresh = useCallback(function refreshTaskRows() {
    if (listing.current) {
      again.current = true;
      return;
    }
    listing.current = true;
    void (async () => {
      do {
        again.current = false;
        try {
          const listed = await source.list();
          if (!alive.current) return;
          // Before the render, so whatever reacts to new rows (the bell) is done when they show.
          onRowsLatest.current(listed);
          setRows(listed);
          setListError(undefined);
        } catch (error) {
          if (!alive.current) return;
          setListError(error ?? new Error('listing the tasks failed'));
        }
      } while (again.current && alive.current);
      listing.current = false;
    })();
  }, [source]);

  useEffect(() => {
    alive.current = true;
    refresh();
    const unsubscribe = source.subscribe(refresh);
    return () => {
      alive.current = false;
      listing.current = false;
      unsubscribe();
    };
  }, [source, refresh]);

  return { rows, listError, refresh };
}
