import { describe, expect, it } from 'vitest';
import { editDistance } from './edit-distance.js';

describe('editDistance', () => {
  it.each([
    ['label', 'label', 0],
    ['lable', 'label', 1],
    ['promt', 'prompt', 1],
    ['max_retry', 'max_retries', 3],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['shape', 'shpae', 1],
    ['kitten', 'sitting', 3],
    ['ca', 'abc', 3],
  ])('%s → %s = %i', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
    expect(editDistance(b, a)).toBe(expected);
  });
});
