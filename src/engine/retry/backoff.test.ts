import { describe, expect, it } from 'vitest';
import { backoffDelay, defaultBackoff, isRetryPresetName, RetryPresets, type BackoffConfig } from './backoff.js';

const noJitter = (backoff: BackoffConfig): BackoffConfig => ({ ...backoff, jitter: false });
const never = () => {
  throw new Error('random must not be called without jitter');
};

describe('backoffDelay', () => {
  it.each([
    ['standard', [200, 400, 800, 1600, 3200]],
    ['aggressive', [500, 1000, 2000, 4000, 8000]],
    ['linear', [500, 500, 500]],
    ['patient', [2000, 6000, 18000]],
  ] as const)('preset %s gives %j', (name, expected) => {
    const backoff = noJitter(RetryPresets[name].backoff);
    expect(expected.map((_, index) => backoffDelay(backoff, index + 1, never))).toEqual(expected);
  });

  it('caps at maxDelayMs', () => {
    const backoff = { initialDelayMs: 1_000, factor: 10, maxDelayMs: 5_000, jitter: false };
    expect([1, 2, 3].map((attempt) => backoffDelay(backoff, attempt, never))).toEqual([1_000, 5_000, 5_000]);
  });

  it.each([
    [0, 100],
    [0.5, 200],
    [0.999, 300],
    [0.25, 150],
  ])('jitter multiplies by uniform(0.5, 1.5): random %d → %d ms', (random, expected) => {
    expect(backoffDelay(defaultBackoff, 1, () => random)).toBe(expected);
  });

  it('jitter is applied after the cap', () => {
    const backoff = { initialDelayMs: 1_000, factor: 2, maxDelayMs: 1_000, jitter: true };
    expect(backoffDelay(backoff, 5, () => 0)).toBe(500);
  });

  it('preset attempt counts follow the spec', () => {
    expect(Object.fromEntries(Object.entries(RetryPresets).map(([name, preset]) => [name, preset.maxAttempts]))).toEqual({
      none: 1,
      standard: 5,
      aggressive: 5,
      linear: 3,
      patient: 3,
    });
  });

  it.each([
    ['standard', true],
    ['patient', true],
    ['toString', false],
    ['Standard', false],
  ])('isRetryPresetName(%j) → %s', (name, expected) => {
    expect(isRetryPresetName(name)).toBe(expected);
  });
});
