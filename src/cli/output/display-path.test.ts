import { describe, expect, it } from 'vitest';
import { displayPath } from './display-path.js';

describe('displayPath', () => {
  it.each([
    ['/home/u/p', '/home/u/p/a.dot', 'a.dot'],
    ['/home/u/p', '/home/u/p/sub/a.dot', 'sub/a.dot'],
    ['/home/u/p', '/home/u/other/a.dot', '/home/u/other/a.dot'],
    ['/home/u/p', '/home/u/p', '.'],
    ['/home/u/p', 'already/relative.dot', 'already/relative.dot'],
    ['/home/u/p', '<inline>', '<inline>'],
  ])('from %s, %s → %s', (cwd, path, expected) => {
    expect(displayPath(cwd, path)).toBe(expected);
  });
});
