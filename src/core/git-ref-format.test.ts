import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { branchNameProblem, branchPrefixProblem } from './git-ref-format.js';

const names: [string, string | undefined][] = [
  ['main', undefined],
  ['orchestra/build/run-1', undefined],
  ['feature.x/y', undefined],
  ['', 'it is empty'],
  ['@', 'it is the single character "@"'],
  ['-b', 'it starts with "-"'],
  ['a b', 'it contains a space or a control character'],
  ['a\tb', 'it contains a space or a control character'],
  ['a~1', 'it contains "~" (git refuses ~ ^ : ? * [ \\)'],
  ['a^', 'it contains "^" (git refuses ~ ^ : ? * [ \\)'],
  ['a:b', 'it contains ":" (git refuses ~ ^ : ? * [ \\)'],
  ['a?', 'it contains "?" (git refuses ~ ^ : ? * [ \\)'],
  ['a*', 'it contains "*" (git refuses ~ ^ : ? * [ \\)'],
  ['a[b', 'it contains "[" (git refuses ~ ^ : ? * [ \\)'],
  ['a\\b', 'it contains "\\" (git refuses ~ ^ : ? * [ \\)'],
  ['a..b', 'it contains ".."'],
  ['a@{b', 'it contains "@{"'],
  ['/a', 'it starts or ends with "/"'],
  ['a/', 'it starts or ends with "/"'],
  ['a//b', 'it contains "//"'],
  ['a.', 'it ends with "."'],
  ['a/.b', 'its part ".b" starts with "."'],
  ['a.lock/b', 'its part "a.lock" ends with ".lock"'],
  ['a/b.lock', 'its part "b.lock" ends with ".lock"'],
];

describe('issue 14: branch names follow git check-ref-format --branch', () => {
  it.each(names)('issue 14: %j', (name, problem) => {
    expect(branchNameProblem(name)).toBe(problem);
  });

  it('issue 14: git agrees with every verdict', () => {
    // `--branch @` expands "@" to the current branch instead of judging it; `git branch @` refuses it.
    for (const [name, problem] of names.filter(([n]) => n !== '' && n !== '@')) {
      let accepted = true;
      try {
        execFileSync('git', ['check-ref-format', '--branch', name], { stdio: 'ignore' });
      } catch {
        accepted = false;
      }
      expect({ name, accepted }).toEqual({ name, accepted: problem === undefined });
    }
  });

  it.each([
    ['orchestra/', undefined],
    ['', undefined],
    ['team-', undefined],
    ['bad..prefix/', 'it contains ".."'],
    ['/', 'it starts or ends with "/"'],
    ['a//', 'it contains "//"'],
    ['x.lock/', 'its part "x.lock" ends with ".lock"'],
    ['sp ace/', 'it contains a space or a control character'],
  ])('issue 14: prefix %j', (prefix, problem) => {
    expect(branchPrefixProblem(prefix)).toBe(problem);
  });
});
