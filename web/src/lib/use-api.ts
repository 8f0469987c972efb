import { useCallback, useEffect, useRef, useState } from 'react';
import { apiGet } from './api';

export interface ApiState<T> {
  data: T | undefined;
  error: Error | undefined;
  /** Fetches again (after an event said something changed); calls close together share one fetch. */
  refresh(): void;
}

/** GET `path` now and on each refresh(); a refresh while one is in flight runs once after it. */
export function useApi<T>(path: string): ApiState<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<Error>();
  const inFlight = useRef(false);
  const again = useRef(false);
  const current = useRef(path);
  current.current = path;
  const load = useCallback(() => {
    if (inFlight.current) {
      again.current = true;
      return;
    }
    inFlight.current = true;
    const asked = current.current;
    apiGet<T>(asked)
      .then((value) => {
        if (asked !== current.current) return;
        setData(value);
        setError(undefined);
      }, (reason: Error) => setError(reason))
      .finally(() => {
        inFlight.current = false;
        if (again.current) {
          again.current = false;
          load();
        }
      });
  }, []);
  useEffect(() => {
    setData(undefined);
    load();
  }, [path, load]);
  return { data, error, refresh: load };
}
