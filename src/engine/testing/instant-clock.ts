import type { Clock, Random } from '../../core/clock.js';

/** A clock whose sleeps return at once, moving its time forward; it records every sleep. */
export interface InstantClock extends Clock {
  readonly sleeps: number[];
  advance(ms: number): void;
}

export function createInstantClock(start = 1_700_000_000_000): InstantClock {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    advance(ms) {
      now += ms;
    },
    async sleep(ms, signal) {
      if (signal?.aborted) throw signal.reason;
      sleeps.push(ms);
      now += ms;
    },
  };
}

/** A deterministic Random (a small LCG) so run ids differ yet tests repeat exactly. */
export function createSeededRandom(seed = 42): Random {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 0x1_0000_0000;
  };
}
