import { describe, expect, it } from 'vitest';
import { globToRegExp, staticPrefix } from './glob-pattern.js';

describe('globToRegExp', () => {
  it.each<[string, string, boolean]>([
    ['dist/*.js', 'dist/index.js', true],
    ['dist/*.js', 'dist/sub/index.js', false],
    ['dist/*.js', 'dist/index.jsx', false],
    ['**/*.ts', 'a.ts', true],
    ['**/*.ts', 'src/deep/a.ts', true],
    ['src/**', 'src/a/b/c', true],
    ['src/**/x.md', 'src/x.md', true],
    ['file?.txt', 'file1.txt', true],
    ['file?.txt', 'file10.txt', false],
    ['[ab].txt', 'b.txt', true],
    ['[!ab].txt', 'b.txt', false],
    ['*.{js,mjs}', 'a.mjs', true],
    ['*.{js,mjs}', 'a.cjs', false],
    ['a+b(1).txt', 'a+b(1).txt', true],
    ['{unclosed', '{unclosed', true],
    ['done.txt', 'done.txt', true],
    ['done.txt', 'donextxt', false],
  ])('%s against %s → %s', (pattern, path, expected) => {
    expect(globToRegExp(pattern).test(path)).toBe(expected);
  });
});

describe('staticPrefix', () => {
  it.each([
    ['dist/*.js', 'dist'],
    ['a/b/**/c', 'a/b'],
    ['*.js', ''],
    ['done.txt', ''],
    ['../out/x.js', '../out'],
  ])('%s → "%s"', (pattern, expected) => {
    expect(staticPrefix(pattern)).toBe(expected);
  });
});
