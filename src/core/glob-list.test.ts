import { describe, expect, it } from 'vitest';
import { splitGlobList } from './glob.js';

describe('splitGlobList', () => {
  it.each<[string, string[]]>([
    ['', []],
    ['a.md', ['a.md']],
    [' a.md , b/*.ts ,, ', ['a.md', 'b/*.ts']],
    ['docs/*.{md,txt}, c', ['docs/*.{md,txt}', 'c']],
  ])('%j → %j', (text, expected) => {
    expect(splitGlobList(text).map((entry) => entry.value)).toEqual(expected);
  });

  it('keeps each entry\'s offset for diagnostics', () => {
    expect(splitGlobList('a,  bb')).toEqual([
      { value: 'a', offset: 0 },
      { value: 'bb', offset: 4 },
    ]);
  });
});
