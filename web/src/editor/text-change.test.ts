import { describe, expect, it } from 'vitest';
import { changeBetween } from './text-change';

const apply = (text: string, change: { from: number; to: number; insert: string }) => text.slice(0, change.from) + change.insert + text.slice(change.to);

describe('issue 15: a graph edit reaches the code view as one splice', () => {
  it.each([
    ['a -> b', 'a -> b\nb -> c', { from: 6, to: 6, insert: '\nb -> c' }],
    ['x [a=1]\ny', 'x [a=2]\ny', { from: 5, to: 6, insert: '2' }],
    ['aaa', 'aa', { from: 2, to: 3, insert: '' }],
    ['', 'new', { from: 0, to: 0, insert: 'new' }],
    ['abcabc', 'abc', { from: 3, to: 6, insert: '' }],
  ])('issue 15: %j → %j', (before, after, change) => {
    const found = changeBetween(before, after);
    expect(found).toEqual(change);
    expect(apply(before, found!)).toBe(after);
  });

  it('issue 15: the same text is no change', () => {
    expect(changeBetween('same', 'same')).toBeUndefined();
  });
});
