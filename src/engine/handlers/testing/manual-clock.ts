import type { Clock } from '../../../core/clock.js';

export interface ManualClock extends Clock {
  /** Sleeps requested and not yet over, in order. */
  readonly sleeping: ReadonlyArray<{ ms: number }>;
  /** Ends every pending sleep and moves time forward by the longest of them. */
  wake(): void;
  /** Resolves once some code is sleeping on this clock. */
  nextSleep(): Promise<{ ms: number }>;
}

/** A clock that sleeps until the test says so: loops that poll can be stepped one cycle at a time. */
export function createManualClock(start = 0): ManualClock {
  let now = start;
  const sleeping: Array<{ ms: number; resolve(): void }> = [];
  const waiters: Array<(entry: { ms: number }) => void> = [];
  return {
    sleeping,
    now: () => now,
    sleep(ms, signal) {
      if (signal?.aborted) return Promise.reject(signal.reason);
      return new Promise<void>((resolve, reject) => {
        const entry = {
          ms,
          resolve: () => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          },
        };
        const onAbort = () => {
          sleeping.splice(sleeping.indexOf(entry), 1);
          reject(signal?.reason);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        sleeping.push(entry);
        for (const wake of waiters.splice(0)) wake({ ms });
      });
    },
    wake() {
      const due = sleeping.splice(0);
      now += Math.max(0, ...due.map((entry) => entry.ms));
      for (const entry of due) entry.resolve();
    },
    nextSleep() {
      const first = sleeping[0];
      if (first) return Promise.resolve({ ms: first.ms });
      return new Promise((resolve) => waiters.push(resolve));
    },
  };
}
