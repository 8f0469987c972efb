import type { TestCounts } from './check-result.js';

// Colour codes runners print when they think they have a terminal (FORCE_COLOR, CI settings).
// eslint-disable-next-line no-control-regex -- ESC is exactly what an ANSI colour code starts with
const ansi = /\x1b\[[0-9;]*[A-Za-z]/g;

type Parser = (lines: readonly string[]) => TestCounts | undefined;

/**
 * Pass/fail counts from the output of vitest, jest, pytest or go test, or undefined when none of
 * them printed a summary. The last summary wins (watch-free re-runs, several suites in one command).
 */
export function parseTestCounts(output: string): TestCounts | undefined {
  const lines = output.replace(ansi, '').split(/\r?\n/);
  for (const parse of [parseVitest, parseJest, parsePytest, parseGoTest]) {
    const counts = parse(lines);
    if (counts) return counts;
  }
  return undefined;
}

/** `      Tests  1 failed | 3 passed | 1 skipped (5)` */
export const parseVitest: Parser = (lines) => {
  const line = findLast(lines, (l) => /^\s*Tests\s{2,}.*\(\d+\)\s*$/.test(l));
  if (line === undefined) return undefined;
  const n = wordCounts(line);
  return { runner: 'vitest', passed: n.passed ?? 0, failed: n.failed ?? 0, skipped: (n.skipped ?? 0) + (n.todo ?? 0) };
};

/** `Tests:       1 failed, 1 skipped, 3 passed, 5 total` */
export const parseJest: Parser = (lines) => {
  const line = findLast(lines, (l) => /^Tests:\s+.*\d+ total\s*$/.test(l));
  if (line === undefined) return undefined;
  const n = wordCounts(line);
  return { runner: 'jest', passed: n.passed ?? 0, failed: n.failed ?? 0, skipped: (n.skipped ?? 0) + (n.todo ?? 0) };
};

/** `==== 1 failed, 2 passed, 1 skipped in 1.27s ====` (or without the bars under `-q`); errors count as failures. */
export const parsePytest: Parser = (lines) => {
  const line = findLast(lines, (l) => /^[=\s]*(?:\d+ \w+(?:, )?)+ in [\d.]+s(?: \([^)]*\))?[=\s]*$/.test(l) || /^[=\s]*no tests ran in [\d.]+s[=\s]*$/.test(l));
  if (line === undefined) return undefined;
  const n = wordCounts(line);
  const failed = (n.failed ?? 0) + (n.error ?? 0) + (n.errors ?? 0);
  return { runner: 'pytest', passed: (n.passed ?? 0) + (n.xpassed ?? 0), failed, skipped: (n.skipped ?? 0) + (n.xfailed ?? 0) };
};

/**
 * `--- PASS: TestAdd (0.00s)` / `--- FAIL:` / `--- SKIP:` lines of top-level tests (subtests are
 * indented and belong to their parent). Without `-v` go prints only failures, so a passing run
 * shows counts only for `go test -v` (plain `ok pkg` lines carry none). A package that fails to build (`FAIL pkg [build failed]`)
 * counts as one failure.
 */
export const parseGoTest: Parser = (lines) => {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  let seen = false;
  for (const line of lines) {
    const test = /^--- (PASS|FAIL|SKIP): \S+/.exec(line);
    if (test) {
      seen = true;
      if (test[1] === 'PASS') passed += 1;
      else if (test[1] === 'FAIL') failed += 1;
      else skipped += 1;
    } else if (/^FAIL\s+\S+\s+\[(build|setup) failed\]/.test(line)) {
      seen = true;
      failed += 1;
    }
  }
  return seen ? { runner: 'go', passed, failed, skipped } : undefined;
};

/** `3 passed`, `1 failed` → { passed: 3, failed: 1 }. */
function wordCounts(line: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const match of line.matchAll(/(\d+) ([a-z]+)/g)) counts[match[2]!] = Number(match[1]);
  return counts;
}

function findLast(lines: readonly string[], test: (line: string) => boolean): string | undefined {
  for (let i = lines.length - 1; i >= 0; i--) if (test(lines[i]!)) return lines[i];
  return undefined;
}
