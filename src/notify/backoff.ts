import type { Random } from '../core/clock.js';

/** How the outbox retries a failed delivery. */
export interface RetryPolicy {
  /** Attempts in all, the first included; after the last failure the delivery is dead. */
  maxAttempts: number;
  /** The delay after the first failure; each later one doubles, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** The share of the delay drawn at random (0.2: between 80% and 100% of it), so retries spread out. */
  jitter: number;
}

/** 8 attempts over about 2 hours: 30 s, 1 min, 2, 4, 8, 16, 32 min (capped at 1 hour), less up to 20%. */
export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 8, baseDelayMs: 30_000, maxDelayMs: 3_600_000, jitter: 0.2 };

/**
 * The wait before the next attempt after `attempts` attempts failed, or undefined when none is left.
 * Full delay is `min(max, base * 2^(attempts-1))`; jitter takes off up to `jitter` of it.
 */
export function retryDelay(attempts: number, policy: RetryPolicy, random: Random): number | undefined {
  if (attempts >= policy.maxAttempts) return undefined;
  const full = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(full * (1 - policy.jitter * random()));
}
