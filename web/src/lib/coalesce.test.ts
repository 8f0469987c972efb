import { describe, expect, it } from 'vitest';
import { coalesce, type Clock } from './coalesce';

/** A clock whose time moves only when told; timers fire as it passes them. */
function fakeClock() {
  let time = 0;
  let timers: { at: number; callback: () => void; id: number }[] = [];
  let ids = 0;
  const clock: Clock = {
    now: () => time,
    setTimeout: (callback, ms) => {
      timers.push({ at: time + ms, callback, id: ++ids });
      return ids;
    },
    clearTimeout: (id) => {
      timers = timers.filter((timer) => timer.id !== id);
    },
  };
  const advance = (to: number) => {
    for (;;) {
      const next = timers.filter((timer) => timer.at <= to).sort((a, b) => a.at - b.at)[0];
      if (next === undefined) break;
      timers = timers.filter((timer) => timer !== next);
      time = next.at;
      next.callback();
    }
    time = to;
  };
  return { clock, advance };
}

describe('issue 15: coalescing live updates', () => {
  it.each([
    // [when each item is pushed (ms), the deliveries as [time, items]]
    ['a lone item goes at once', [0], [[0, [0]]]],
    ['items in one interval go together at its end, after the first', [0, 10, 20, 30], [[0, [0]], [100, [10, 20, 30]]]],
    ['a quiet spell lets the next item go at once', [0, 250], [[0, [0]], [250, [250]]]],
    ['a steady stream goes once an interval', [0, 40, 80, 120, 160, 200, 240], [[0, [0]], [100, [40, 80]], [200, [120, 160]], [300, [200, 240]]]],
  ] as const)('issue 15: %s', (_name, pushes, expected) => {
    const { clock, advance } = fakeClock();
    const seen: [number, number[]][] = [];
    const batch = coalesce<number>((items) => seen.push([clock.now(), items]), 100, clock);
    for (const at of pushes) {
      advance(at);
      batch.push(at);
    }
    advance(1_000);
    expect(seen).toEqual(expected);
  });

  it('issue 15: flush hands over the pending items now; cancel drops them', () => {
    const { clock, advance } = fakeClock();
    const seen: number[][] = [];
    const batch = coalesce<number>((items) => seen.push(items), 100, clock);
    batch.push(1);
    batch.push(2);
    batch.flush();
    expect(seen).toEqual([[1], [2]]);
    batch.push(3);
    batch.cancel();
    advance(1_000);
    expect(seen).toEqual([[1], [2]]);
  });
});
