import { describe, expect, it } from 'vitest';
import { estimateCostUsd, priceOf } from './pricing.js';

describe('estimateCostUsd', () => {
  it.each<[string, number, number, number]>([
    ['claude-sonnet-4-5', 1_000_000, 1_000_000, 18],
    ['claude-opus-4-1', 1_000, 1_000, 0.09],
    ['claude-opus-4-6', 1_000_000, 0, 5],
    ['gpt-5-mini', 1_000_000, 1_000_000, 2.25],
    ['gpt-5', 2_000_000, 0, 2.5],
    ['gemini-2.5-flash-lite', 0, 1_000_000, 0.4],
    ['llama3.1:8b', 1_000_000, 1_000_000, 0],
    ['claude-haiku-4-5', 123, 45, 0.000348],
  ])('%s with %i in and %i out', (model, input, output, expected) => {
    expect(estimateCostUsd(model, input, output)).toBeCloseTo(expected, 9);
  });

  it('picks the longest matching prefix', () => {
    expect(priceOf('gpt-4o-mini-2024-07-18')).toEqual({ input: 0.15, output: 0.6 });
    expect(priceOf('unknown')).toBeUndefined();
  });
});
