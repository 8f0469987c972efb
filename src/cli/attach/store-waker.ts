import { watch } from 'node:fs';
import type { FSWatcher } from 'node:fs';

export interface StoreWaker {
  /** Resolves after `ms`, or sooner when the database's WAL file changes or `signal` aborts. */
  wait(ms: number, signal: AbortSignal): Promise<void>;
  close(): void;
}

/**
 * Every commit in WAL mode writes `<db>-wal`, so watching it wakes a follower as soon as a new
 * event lands. Watching is an optimisation only: where it fails (no WAL file yet, a file system
 * without notifications) the follower still polls.
 */
export function createStoreWaker(dbPath: string): StoreWaker {
  const pending = new Set<() => void>();
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(`${dbPath}-wal`, { persistent: false }, () => {
      for (const wake of [...pending]) wake();
    });
    watcher.on('error', () => watcher?.close());
  } catch {
    watcher = undefined;
  }
  return {
    wait: (ms, signal) =>
      new Promise<void>((resolve) => {
        if (signal.aborted) return resolve();
        const done = () => {
          clearTimeout(timer);
          pending.delete(done);
          signal.removeEventListener('abort', done);
          resolve();
        };
        const timer = setTimeout(done, ms);
        pending.add(done);
        signal.addEventListener('abort', done, { once: true });
      }),
    close: () => {
      watcher?.close();
      for (const wake of [...pending]) wake();
    },
  };
}
