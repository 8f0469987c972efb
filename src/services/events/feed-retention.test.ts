import { describe, expect, it } from 'vitest';
import { startFeedRetention } from './feed-retention.js';

describe('startFeedRetention', () => {
  it('issue 12: prunes what is older than the retention at start and every period, until stopped', async () => {
    const cuts: number[] = [];
    let pruned!: () => void;
    const twice = new Promise<void>((resolve) => (pruned = resolve));
    const store = { pruneFeed: async (before: number) => (cuts.push(before) === 2 && pruned(), 0) };
    const retention = startFeedRetention({ store, clock: { now: () => 10_000, sleep: async () => undefined }, log: { warn() {} }, retentionMs: 1_000, everyMs: 5 });
    await twice;
    retention.stop();
    expect(cuts.slice(0, 2)).toEqual([9_000, 9_000]);
  });
});
