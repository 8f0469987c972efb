import type { CheckKind } from './check-spec.js';

/** Pass/fail counts read from a test runner's output. */
export interface TestCounts {
  runner: 'vitest' | 'jest' | 'pytest' | 'go';
  passed: number;
  failed: number;
  skipped: number;
}

/** One check's result, as written to checks.json and fed back to the agent. */
export interface CheckResult {
  name: string;
  kind: CheckKind;
  /** True when the check passed; false when it failed; a skipped check neither passed nor failed. */
  passed: boolean;
  skipped?: boolean;
  /** One line: why it passed or failed. */
  summary: string;
  /** What the agent should see when it failed: command output, the critic's reasons (trimmed). */
  output?: string;
  /** The file holding the whole output, relative to the stage dir. */
  logFile?: string;
  exitCode?: number | null;
  counts?: TestCounts;
  durationMs: number;
}

/** The checks of one attempt: written as `checks.json` in the stage dir. */
export interface ChecksReport {
  attempt: number;
  passed: boolean;
  results: CheckResult[];
}

/** Names of the checks that failed (skipped ones are not failures). */
export function failedCheckNames(results: readonly CheckResult[]): string[] {
  return results.filter((result) => !result.passed && !result.skipped).map((result) => result.name);
}
