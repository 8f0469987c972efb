import { describe, expect, it } from 'vitest';
import { defaultRetryPolicy, retryDelay, type RetryPolicy } from './backoff.js';

const policy: RetryPolicy = { maxAttempts: 5, baseDelayMs: 1_000, maxDelayMs: 6_000, jitter: 0.25 };

describe('issue 10: retryDelay (exponential backoff with jitter)', () => {
  // [attempts so far, delay with random() = 0 (no jitter), with random() → 1 (all jitter)]
  it.each([
    [1, 1_000, 750],
    [2, 2_000, 1_500],
    [3, 4_000, 3_000],
    [4, 6_000, 4_500], // 8 s capped at 6 s
  ])('issue 10: after %i failed attempts waits at most %i ms and at least %i ms', (attempts, upper, lower) => {
    expect(retryDelay(attempts, policy, () => 0)).toBe(upper);
    expect(retryDelay(attempts, policy, () => 0.999_999)).toBe(lower);
    for (const draw of [0.1, 0.5, 0.9]) {
      const delay = retryDelay(attempts, policy, () => draw) ?? Number.NaN;
      expect(delay).toBeGreaterThanOrEqual(lower);
      expect(delay).toBeLessThanOrEqual(upper);
    }
  });

  it.each([5, 6, 100])('issue 10: after %i attempts (max 5) there is none left', (attempts) => {
    expect(retryDelay(attempts, policy, () => 0.5)).toBeUndefined();
  });

  it('issue 10: the default policy spreads 8 attempts over about two hours', () => {
    const delays = Array.from({ length: 8 }, (_, index) => retryDelay(index + 1, defaultRetryPolicy, () => 0));
    expect(delays).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, undefined]);
    expect(delays.reduce<number>((sum, delay) => sum + (delay ?? 0), 0)).toBe(3_810_000);
  });
});
