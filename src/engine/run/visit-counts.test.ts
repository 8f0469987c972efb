import { describe, expect, it } from 'vitest';
import { visitsOf } from './visit-counts.js';

describe('visitsOf', () => {
  it('issue 9: counts stay right as the list grows between calls (the tally is extended, not rebuilt)', () => {
    const completed: string[] = [];
    const seen: number[] = [];
    for (const id of ['a', 'b', 'a', 'c', 'a']) {
      seen.push(visitsOf(completed, id));
      completed.push(id);
    }
    expect(seen).toEqual([0, 0, 1, 0, 2]);
    expect(visitsOf(completed, 'a')).toBe(3);
    expect(visitsOf(completed, 'zzz')).toBe(0);
  });

  it('issue 9: a list that got shorter, or another list, is counted on its own', () => {
    const completed = ['a', 'a', 'b'];
    expect(visitsOf(completed, 'a')).toBe(2);
    completed.length = 1;
    expect(visitsOf(completed, 'a')).toBe(1);
    expect(visitsOf(['a', 'a', 'a'], 'a')).toBe(3);
  });
});
