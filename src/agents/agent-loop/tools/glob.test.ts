import { describe, expect, it } from 'vitest';
import { compileGlob } from './glob.js';

// The dialect itself is tested in src/core/glob.test.ts; here what the agent's tools add.
describe('compileGlob', () => {
  it.each<[string, string, boolean]>([
    ['*.ts', 'src/deep/a.ts', true],
    ['src/*.ts', 'lib/src/a.ts', false],
    ['**/*.{ts,md}', 'docs/readme.md', true],
  ])('%s against %s → %s (a pattern without / matches at any depth)', (pattern, path, expected) => {
    expect(compileGlob(pattern).test(path)).toBe(expected);
  });
});

describe('issue 8.5: a glob cannot freeze the engine', () => {
  it('a glob with many ** against a long path that does not match finishes at once', () => {
    const started = performance.now();
    expect(compileGlob('**a**a**a**a**a**a**a**a**b').test('a'.repeat(4_000))).toBe(false);
    expect(compileGlob('*a*a*a*a*a*a*a*a*b').test(`dir/${'a'.repeat(250)}`)).toBe(false);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('an invalid glob is a tool error naming it; an unclosed brace is literal, as in bash', () => {
    expect(() => compileGlob('[z-a]')).toThrow('glob "[z-a]" is not valid');
    expect(compileGlob('{a,b').test('{a,b')).toBe(true);
  });
});
