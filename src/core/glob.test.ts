import { describe, expect, it } from 'vitest';
import { compileGlob, staticPrefix } from './glob.js';

describe('issue 9: one glob dialect for agent tools, checks and context files', () => {
  it.each<[string, string, boolean]>([
    ['dist/*.js', 'dist/index.js', true],
    ['dist/*.js', 'dist/sub/index.js', false],
    ['dist/*.js', 'dist/index.jsx', false],
    ['**/*.ts', 'a.ts', true],
    ['**/*.ts', 'src/deep/a.ts', true],
    ['src/**', 'src/a/b/c', true],
    ['src/**/x.md', 'src/x.md', true],
    ['src/**/*.ts', 'src/x/y/a.ts', true],
    ['src/*.ts', 'src/deep/a.ts', false],
    ['a**b', 'axxb', true],
    ['a**b', 'ax/xb', false],
    ['file?.txt', 'file1.txt', true],
    ['file?.txt', 'file10.txt', false],
    ['[ab].txt', 'b.txt', true],
    ['[!ab].txt', 'b.txt', false],
    ['[]].txt', '].txt', true],
    ['*.{js,mjs}', 'a.mjs', true],
    ['*.{js,mjs}', 'a.cjs', false],
    ['{a,{b,c}}.md', 'c.md', true],
    ['a+b(1).txt', 'a+b(1).txt', true],
    ['(x)+.txt', '(x)+.txt', true],
    ['{unclosed', '{unclosed', true],
    ['[unclosed', '[unclosed', true],
    ['done.txt', 'done.txt', true],
    ['done.txt', 'donextxt', false],
  ])('%s against %s → %s', (pattern, path, expected) => {
    expect(compileGlob(pattern).test(path)).toBe(expected);
  });

  it.each<[string, string, boolean]>([
    ['*.ts', 'src/deep/a.ts', true],
    ['*.ts', 'a.tsx', false],
    ['src/*.ts', 'lib/src/a.ts', false],
  ])('with matchBase, %s against %s → %s', (pattern, path, expected) => {
    expect(compileGlob(pattern, { matchBase: true }).test(path)).toBe(expected);
  });

  it('a glob with many stars against a long path that does not match finishes at once (no backtracking)', () => {
    const started = performance.now();
    expect(compileGlob('**a**a**a**a**a**a**a**a**b').test('a'.repeat(4_000))).toBe(false);
    expect(compileGlob('*a*a*a*a*a*a*a*a*b', { matchBase: true }).test(`dir/${'a'.repeat(4_000)}`)).toBe(false);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('an invalid glob is a usage error naming it', () => {
    expect(() => compileGlob('[z-a].txt')).toThrow('glob "[z-a].txt" is not valid');
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
