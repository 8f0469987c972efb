import type { Clock } from '../../../core/clock.js';

/** A clock whose sleeps return at once and are recorded, so retry waits can be asserted. */
export function recordingClock(now = 0): Clock & { slept: number[] } {
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw signal.reason;
      slept.push(ms);
    },
  };
}
