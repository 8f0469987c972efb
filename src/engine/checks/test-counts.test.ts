import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TestCounts } from './check-result.js';
import { parseTestCounts } from './test-counts.js';

const sample = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

// Real output: vitest 4 and pytest 9 were run on small projects to make the vitest-* and pytest-*
// samples; the jest and go samples follow their runners' formats.
describe('parseTestCounts', () => {
  it.each<[string, TestCounts | undefined]>([
    ['vitest-fail.txt', { runner: 'vitest', passed: 3, failed: 1, skipped: 1 }],
    ['vitest-pass-color.txt', { runner: 'vitest', passed: 2, failed: 0, skipped: 0 }],
    ['jest-fail.txt', { runner: 'jest', passed: 3, failed: 1, skipped: 1 }],
    ['jest-pass.txt', { runner: 'jest', passed: 2, failed: 0, skipped: 0 }],
    ['pytest-fail.txt', { runner: 'pytest', passed: 2, failed: 1, skipped: 1 }],
    ['pytest-fail-quiet.txt', { runner: 'pytest', passed: 2, failed: 1, skipped: 1 }],
    ['pytest-error.txt', { runner: 'pytest', passed: 2, failed: 1, skipped: 0 }],
    ['pytest-pass.txt', { runner: 'pytest', passed: 2, failed: 0, skipped: 0 }],
    ['go-verbose-fail.txt', { runner: 'go', passed: 2, failed: 1, skipped: 1 }],
    ['go-build-fail.txt', { runner: 'go', passed: 0, failed: 1, skipped: 0 }],
    ['go-pass.txt', undefined],
  ])('%s', (file, expected) => {
    expect(parseTestCounts(sample(file))).toEqual(expected);
  });

  it.each<[string, string, TestCounts | undefined]>([
    ['vitest with todo', '      Tests  4 passed | 2 todo (6)', { runner: 'vitest', passed: 4, failed: 0, skipped: 2 }],
    ['pytest with xfail, xpass and warnings', '== 1 passed, 1 xfailed, 1 xpassed, 3 warnings in 0.20s ==', { runner: 'pytest', passed: 2, failed: 0, skipped: 1 }],
    ['pytest over a minute', '==== 3 passed in 62.01s (0:01:02) ====', { runner: 'pytest', passed: 3, failed: 0, skipped: 0 }],
    ['pytest with nothing collected', '============ no tests ran in 0.01s ============', { runner: 'pytest', passed: 0, failed: 0, skipped: 0 }],
    ['the last summary of several', 'Tests:       1 failed, 1 total\nTests:       2 passed, 2 total', { runner: 'jest', passed: 2, failed: 0, skipped: 0 }],
    ['a command that is no test runner', 'Compiled 12 files in 3.2s\nDone.', undefined],
    ['empty output', '', undefined],
    ['a line that only mentions tests', 'Tests are great (really)', undefined],
  ])('%s', (_name, output, expected) => {
    expect(parseTestCounts(output)).toEqual(expected);
  });
});
