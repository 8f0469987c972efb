import Database from 'better-sqlite3';

/** Tells a waiting process that the store changed: what makes a worker start the next step at once. */
export interface StoreChanges {
  /**
   * Resolves true at the first change committed since the previous call returned (by any
   * connection, any process: so at once when something changed meanwhile), false after
   * `timeoutMs` or on abort.
   */
  next(timeoutMs: number, signal?: AbortSignal): Promise<boolean>;
  close(): void;
}

/**
 * Watches the SQLite file at `path` for commits from any process (issue 11): SQLite's
 * `PRAGMA data_version` on a connection of its own changes whenever another connection commits,
 * and reading it costs microseconds, so polling it every `pollMs` (while someone waits) notices an
 * answer, a signal or a start in another process within a few milliseconds. Nothing crosses a
 * socket: it works the same for the daemon, `orchestra worker` and any process that writes the store.
 * Every 20 ms by default: a worker always waits, so this runs for as long as the daemon does, and
 * 5 ms cost an idle daemon about 4% of a core; 20 ms keeps the answer-to-step median well under 50 ms.
 */
export function watchStoreChanges(path: string, pollMs = 20): StoreChanges {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  const version = (): number => db.pragma('data_version', { simple: true }) as number;
  let seen = version();
  const waiters = new Set<(changed: boolean) => void>();
  let timer: NodeJS.Timeout | undefined;
  const poll = (): void => {
    const now = version();
    if (now === seen) return;
    seen = now;
    for (const wake of [...waiters]) wake(true);
  };
  return {
    next(timeoutMs, signal) {
      if (version() !== seen) {
        seen = version();
        return Promise.resolve(true);
      }
      return new Promise<boolean>((resolve) => {
        const done = (changed: boolean) => {
          waiters.delete(done);
          clearTimeout(deadline);
          signal?.removeEventListener('abort', aborted);
          if (waiters.size === 0 && timer) timer = void clearInterval(timer);
          resolve(changed);
        };
        const aborted = () => done(false);
        const deadline = setTimeout(() => done(false), timeoutMs);
        if (signal?.aborted) return done(false);
        signal?.addEventListener('abort', aborted, { once: true });
        waiters.add(done);
        timer ??= setInterval(poll, pollMs);
      });
    },
    close() {
      for (const wake of [...waiters]) wake(false);
      if (db.open) db.close();
    },
  };
}
