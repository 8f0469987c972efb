import { describe, expect, it } from 'vitest';
import { moveSelection, NO_SELECTION, resolveSelection, type Selection } from './selection.js';

describe('resolveSelection', () => {
  it.each<[string, string[], Selection, Selection]>([
    ['first task when nothing was selected', ['a', 'b'], NO_SELECTION, { key: 'a', index: 0 }],
    ['keeps the task when rows appear above it', ['new', 'a', 'b'], { key: 'b', index: 1 }, { key: 'b', index: 2 }],
    ['keeps the task when rows vanish above it', ['b', 'c'], { key: 'c', index: 2 }, { key: 'c', index: 1 }],
    ['the neighbour takes the place of a vanished task', ['a', 'c'], { key: 'b', index: 1 }, { key: 'c', index: 1 }],
    ['the last task when the vanished one was last', ['a', 'b'], { key: 'c', index: 2 }, { key: 'b', index: 1 }],
    ['remembers the task while the list is empty', [], { key: 'b', index: 1 }, { key: 'b', index: 1 }],
    ['finds a remembered task again', ['x', 'b'], { key: 'b', index: 1 }, { key: 'b', index: 1 }],
  ])('%s', (_name, keys, selection, expected) => {
    expect(resolveSelection(keys, selection)).toEqual(expected);
  });
});

describe('moveSelection', () => {
  const keys = ['a', 'b', 'c'];
  it.each<[string, Selection, number, Selection]>([
    ['down', { key: 'a', index: 0 }, 1, { key: 'b', index: 1 }],
    ['up', { key: 'c', index: 2 }, -1, { key: 'b', index: 1 }],
    ['stops at the bottom', { key: 'c', index: 2 }, 1, { key: 'c', index: 2 }],
    ['stops at the top', { key: 'a', index: 0 }, -1, { key: 'a', index: 0 }],
    ['from nothing selected', NO_SELECTION, 1, { key: 'b', index: 1 }],
    ['from a stale index, by key', { key: 'a', index: 2 }, 1, { key: 'b', index: 1 }],
  ])('%s', (_name, selection, delta, expected) => {
    expect(moveSelection(keys, selection, delta)).toEqual(expected);
  });

  it('does nothing without tasks', () => {
    expect(moveSelection([], { key: 'a', index: 0 }, 1)).toEqual({ key: 'a', index: 0 });
  });
});
