import { describe, expect, it } from 'vitest';
import { splitContextList } from './context-sources.js';

describe('splitContextList', () => {
  it.each<[string, string[]]>([
    ['', []],
    ['a.md', ['a.md']],
    [' a.md , b/*.ts ,, ', ['a.md', 'b/*.ts']],
    ['docs/*.{md,txt}, c', ['docs/*.{md,txt}', 'c']],
  ])('%j → %j', (text, expected) => {
    expect(splitContextList(text).map((entry) => entry.value)).toEqual(expected);
  });

  it('keeps each entry\'s offset for diagnostics', () => {
    expect(splitContextList('a,  bb')).toEqual([
      { value: 'a', offset: 0 },
      { value: 'bb', offset: 4 },
    ]);
  });
});
