import { describe, expect, it } from 'vitest';
import { fitToBudget } from './context-budget.js';
import type { ContextItem } from './context-item.js';
import { formatContextSection } from './format-context.js';

const item = (label: string, text: string | undefined, note?: string): ContextItem => (note === undefined ? { label, text } : { label, text, note });

describe('issue 9: the context budget', () => {
  it.each<[string, ContextItem[], number, ContextItem[], string | undefined]>([
    ['everything fits', [item('a', 'aaa'), item('b', 'bb')], 5, [item('a', 'aaa'), item('b', 'bb')], undefined],
    ['the crossing item is cut', [item('a', 'aaa'), item('b', 'bbbb')], 5, [item('a', 'aaa'), item('b', 'bb', 'cut to the context budget: 2 of 4 characters')], 'b (cut to 2 of 4 characters)'],
    [
      'later items are left out',
      [item('a', 'aaaaa'), item('b', 'b'), item('c', 'c')],
      5,
      [item('a', 'aaaaa'), item('b', undefined, 'left out: the context budget of 5 characters is used up'), item('c', undefined, 'left out: the context budget of 5 characters is used up')],
      'b, c left out',
    ],
    ['items without text cost nothing', [item('bin', undefined, 'binary'), item('a', 'aa')], 2, [item('bin', undefined, 'binary'), item('a', 'aa')], undefined],
  ])('%s', (_, items, budget, expected, trimmed) => {
    const fitted = fitToBudget(items, budget);
    expect(fitted.items).toEqual(expected);
    expect(fitted.trimmed).toBe(trimmed);
  });
});

describe('formatContextSection', () => {
  it.each<[string, ContextItem[], string]>([
    ['nothing', [], ''],
    ['a text', [item('a.md', 'hi\n')], '## T\n\n### a.md\n\n```\nhi\n```'],
    ['a note and no text', [item('x.bin', undefined, 'binary')], '## T\n\n### x.bin (binary)'],
    ['backticks inside', [item('f', '`````')], '## T\n\n### f\n\n``````\n`````\n``````'],
  ])('%s', (_, items, expected) => {
    expect(formatContextSection('T', items)).toBe(expected);
  });
});
