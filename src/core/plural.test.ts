import { describe, expect, it } from 'vitest';
import { plural } from './plural.js';

describe('plural', () => {
  it.each([
    [0, 'edge', undefined, '0 edges'],
    [1, 'edge', undefined, '1 edge'],
    [2, 'edge', undefined, '2 edges'],
    [1, 'branch', 'branches', '1 branch'],
    [3, 'branch', 'branches', '3 branches'],
    [-1, 'node', undefined, '-1 nodes'],
  ])('issue 9: plural(%d, %s, %s) is "%s"', (count, singular, pluralForm, expected) => {
    expect(plural(count, singular, pluralForm)).toBe(expected);
  });
});
