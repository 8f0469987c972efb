import type { Random } from '../../core/clock.js';

export interface BackoffConfig {
  initialDelayMs: number;
  factor: number;
  maxDelayMs: number;
  jitter: boolean;
}

/** The spec's BackoffConfig defaults (digest §11). */
export const defaultBackoff: BackoffConfig = { initialDelayMs: 200, factor: 2, maxDelayMs: 60_000, jitter: true };

export interface RetryPreset {
  maxAttempts: number;
  backoff: BackoffConfig;
}

/** `retry_policy` presets (digest §11): total attempts and their backoff. */
export const RetryPresets = {
  none: { maxAttempts: 1, backoff: defaultBackoff },
  standard: { maxAttempts: 5, backoff: { ...defaultBackoff, initialDelayMs: 200, factor: 2 } },
  aggressive: { maxAttempts: 5, backoff: { ...defaultBackoff, initialDelayMs: 500, factor: 2 } },
  linear: { maxAttempts: 3, backoff: { ...defaultBackoff, initialDelayMs: 500, factor: 1 } },
  patient: { maxAttempts: 3, backoff: { ...defaultBackoff, initialDelayMs: 2_000, factor: 3 } },
} as const satisfies Record<string, RetryPreset>;
export type RetryPresetName = keyof typeof RetryPresets;

export function isRetryPresetName(name: string): name is RetryPresetName {
  return Object.hasOwn(RetryPresets, name);
}

/**
 * The wait before the attempt after attempt `attempt` (1-based) failed:
 * min(initial × factor^(attempt-1), max), times uniform(0.5, 1.5) with jitter. Whole milliseconds.
 */
export function backoffDelay(backoff: BackoffConfig, attempt: number, random: Random): number {
  const base = Math.min(backoff.initialDelayMs * backoff.factor ** Math.max(0, attempt - 1), backoff.maxDelayMs);
  const scaled = backoff.jitter ? base * (0.5 + random()) : base;
  return Math.round(scaled);
}
